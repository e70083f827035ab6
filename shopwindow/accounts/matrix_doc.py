"""The permission matrix as a Markdown table, for docs/permissions.md.

Regenerate with `python manage.py print_permission_matrix`; a test checks the doc contains it.
"""

from shopwindow.accounts.permissions import ACTIONS, MATRIX, ROLES

ROLE_HEADINGS = {
    "visitor": "Visitor",
    "member": "Member",
    "council_member": "Council member",
    "associate": "Associate",
    "moderator": "Moderator",
    "admin": "Admin",
}
RULE_WORDS = {"yes": "Yes", "no": "–", "own": "Own", "invited": "If invited"}


def matrix_markdown() -> str:
    header = ["Object (state)", "Action", *(ROLE_HEADINGS[r] for r in ROLES)]
    lines = [
        "| " + " | ".join(header) + " |",
        "|" + "|".join("---" for _ in header) + "|",
    ]
    for row, actions in MATRIX.items():
        kind, _, state = row.partition(":")
        label = f"`{kind}` ({state})" if state else f"`{kind}`"
        for action in ACTIONS:
            cells = [RULE_WORDS[rule] for rule in actions[action]]
            lines.append("| " + " | ".join([label, action, *cells]) + " |")
    return "\n".join(lines) + "\n"
