"""The formula language: every field, every built-in result and every user line is an
expression in this grammar (README, The formula language). Its stages, one module each:

    parse.py      text → tree, once (tokens and our own recursive descent; limits checked here)
    quantities.py a number and its unit phrase → a Literal; two of them → a Range
    limits.py     every limit of the language, declared once
    nodes.py      the tree: small frozen node types and one children() walk
    dims.py       the tree's dimensions, checked with the project's one pint registry
    functions.py  one declaration per function: arity, dimension rule, float and array forms
    compile.py    the tree → one closure, over floats (the exact run) or numpy arrays (samples)
    show.py       the tree printed as work, with the user's own figures

A range (`low to high`) is a 90% interval: its statistics are the Range node's own. errors.py
holds the language's exceptions.
"""
