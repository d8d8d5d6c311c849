"""The estimation engine: plain Python and pint, no Django.

Inputs in (text as typed), results out (value in a canonical unit, display, work).
Everything else in the project is an edge that translates to and from this package.
"""
