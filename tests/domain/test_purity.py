import ast
import subprocess
import sys
from pathlib import Path

DOMAIN = Path(__file__).resolve().parents[2] / "estimator" / "domain"


def test_no_domain_module_imports_django():
    offenders = []
    for path in DOMAIN.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.relative_to(DOMAIN)}: {n}" for n in names if n.split(".")[0] == "django"]

    assert offenders == []


def test_importing_the_engine_loads_no_django():
    code = ("import sys, estimator.domain.estimate, estimator.domain.workbench, estimator.domain.markdown;"
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'django'))")

    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=DOMAIN.parents[1]).stdout

    assert out.strip() == "[]"


def test_no_domain_module_calls_eval_or_exec():
    # Request text goes through the project's own grammar (lang/), never Python's.
    offenders = []
    for path in DOMAIN.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("eval", "exec",
                                                                                                  "compile"):
                offenders.append(f"{path.relative_to(DOMAIN)}:{node.lineno}: {node.func.id}")

    assert offenders == []
