import ast
import subprocess
import sys
from pathlib import Path

DOMAIN = Path(__file__).resolve().parents[2] / "estimator" / "domain"


RENDER = DOMAIN.parent / "render"


def _imports(package: Path) -> list[tuple[str, str]]:
    """(module path, imported module) for every import in a package, relative ones resolved."""
    found = []
    for path in package.rglob("*.py"):
        parts = path.relative_to(package.parents[1]).with_suffix("").parts
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                found += [(str(path.relative_to(package)), alias.name) for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = parts[:len(parts) - node.level] if node.level else ()
                module = ".".join([*base, node.module] if node.module else base)
                found += [(str(path.relative_to(package)), module)]
    return found


def test_no_domain_module_imports_django():
    offenders = [f"{path}: {name}" for path, name in _imports(DOMAIN) if name.split(".")[0] == "django"]

    assert offenders == []


def test_arrows_point_down_web_to_render_to_domain():
    # The domain knows no renderer and no web module; the renderers (text only) know no Django and no web.
    upward = [f"domain/{path}: {name}" for path, name in _imports(DOMAIN)
              if name.startswith(("estimator.render", "estimator.web"))]
    upward += [f"render/{path}: {name}" for path, name in _imports(RENDER)
               if name.split(".")[0] == "django" or name.startswith("estimator.web")]

    assert upward == []


def test_importing_the_engine_and_the_renderers_loads_no_django():
    code = ("import sys, estimator.domain.estimate, estimator.domain.workbench, estimator.render.markdown,"
            " estimator.render.api, estimator.render.diagram, estimator.render.compare, estimator.render.verdict;"
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
