"""Text from the domain's structures, for every edge: markdown, the JSON API's bodies, a
check's verdict, a comparison, the workbench's diagram and the README's tables. No Django
here and nothing here is imported by the domain: the arrows point web → render → domain."""
