"""The calculator's repeated fragments, rendered in Python.

A results partial repeats ~30 result cards, ~20 field errors and ~20 hidden inputs; as
template loops they cost ~300 template nodes a request, most of the partial's time. These
tags write the same markup directly. Every value passes through html.escape (quotes too),
so escaping is as strict as the template engine's autoescape.
"""

from functools import lru_cache
from html import escape

from django import template
from django.utils.safestring import mark_safe

register = template.Library()


@lru_cache(maxsize=256)
def _card_head(name: str, label: str, available: bool) -> str:
    """The constant start of a result card, escaped once per process, not once per request."""
    return (f'<div class="result{"" if available else " unavailable"}" id="result-{escape(name)}">'
            f'<dt>{escape(label)} <code>{escape(name)}</code></dt><dd class="value">')


@register.simple_tag
def result_cards(results, workbench_path=""):
    parts = []
    for r in results:
        aside = ""
        if r.name == "nines" and r.available and workbench_path:
            aside = f' <a class="aside" href="{escape(workbench_path)}">availability workbench →</a>'
        parts.append(
            f"{_card_head(r.name, r.label, r.available)}{escape(r.display)}{aside}</dd>"
            f'<dd class="work"><details><summary>Work</summary><p>{escape(r.work)}</p></details></dd></div>'
        )
    return mark_safe("\n".join(parts))


@register.simple_tag
def oob_errors(field_groups):
    """Each field's message, to be swapped out of band into the form by htmx."""
    return mark_safe("\n".join(
        f'<p class="field-error" id="error-{f.name}" hx-swap-oob="true">{escape(f.error)}</p>'
        for _, fields in field_groups for f in fields  # names are declared identifiers: [a-z_]+
    ))


@register.simple_tag
def carried_inputs(input_texts):
    """Hidden copies of the inputs, so the save and fork forms post what is on the page."""
    return mark_safe("".join(
        f'<input type="hidden" name="{escape(name)}" value="{escape(text).replace(chr(10), "&#10;")}">'
        for name, text in input_texts.items()
    ))


@register.simple_tag
def input_fields(fields, multiline=""):
    """The form's fields: label tied to the input, the input (or select, or a textarea for
    the names in `multiline`), its message and its help, all escaped."""
    wide = set(multiline.split(","))
    parts = []
    for f in fields:
        spec, name = f.spec, escape(f.name)
        described = f'aria-describedby="help-{name} error-{name}"'
        invalid = ' aria-invalid="true"' if f.error else ""
        if spec.unit == "choice":
            options = "".join(
                f'<option value="{escape(o)}"{" selected" if o == f.text else ""}>{escape(o)}</option>'
                for o in spec.kind.options
            )
            control = f'<select id="id_{name}" name="{name}" {described}>{options}</select>'
        elif f.name in wide:
            control = (f'<textarea id="id_{name}" name="{name}" rows="3" maxlength="600" spellcheck="false" '
                       f'autocapitalize="off" {described}{invalid}>{escape(f.text)}</textarea>')
        else:
            control = (f'<input id="id_{name}" name="{name}" type="text" value="{escape(f.text)}" '
                       f'placeholder="{escape(spec.default or "optional")}" maxlength="200" autocomplete="off" '
                       f'spellcheck="false" autocapitalize="off" {described}{invalid}>')
        default = f" · default {escape(spec.default)}" if spec.default else ""
        parts.append(
            f'<div class="field{" invalid" if f.error else ""}">'
            f'<label for="id_{name}">{escape(spec.label)}</label>{control}'
            f'<p class="field-error" id="error-{name}">{escape(f.error)}</p>'
            f'<p class="help" id="help-{name}">{escape(spec.help)} <span class="meta"><code>{name}</code>{default}'
            f" · e.g. {escape(spec.example)}</span></p></div>"
        )
    return mark_safe("\n".join(parts))
