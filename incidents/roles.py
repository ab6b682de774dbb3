"""The three roles and their permissions. Used by the roles migration and by tests."""

EDITOR = "editor"
REVIEWER = "reviewer"
ADMIN = "admin"

_WORK = {
    "annotation": ["source", "article", "mention", "entity", "importbatch"],
    "incidents": ["incident", "incidentactor", "casualtyfigure", "incidentsource"],
}


def _codenames(actions):
    return [(app, f"{action}_{model}") for app, models in _WORK.items() for model in models for action in actions]


ROLE_PERMISSIONS = {
    EDITOR: _codenames(["view", "add", "change"]),
    REVIEWER: [*_codenames(["view", "add", "change"]), ("incidents", "approve_incident")],
    ADMIN: [*_codenames(["view", "add", "change", "delete"]), ("incidents", "approve_incident")],
}
