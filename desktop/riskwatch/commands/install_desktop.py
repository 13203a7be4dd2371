"""`riskwatch install-desktop [--autostart] [--remove]`: the desktop's menu entry and the start at login.

Linux: the menu entry and icons in ``$XDG_DATA_HOME``, with ``--autostart`` the XDG autostart file; Windows: the
Run key; macOS: a LaunchAgent (see adapters/desktop_entry.py and adapters/login_items.py). ``--remove`` deletes
what this command wrote (with ``--autostart``: only the start at login). Every entry runs this installation's
``riskwatch-gui`` by its absolute path. Exit codes: 0 done, 1 a file could not be written or removed (nothing
is left half-written), 2 bad input.
"""

from __future__ import annotations

import argparse
import sys

from riskwatch.texts.catalog import QT_TRANSLATE_NOOP, Texts

#: The messages of this module, for lupdate: their German is in the translation file (context "Cli").
_MESSAGES = (
    QT_TRANSLATE_NOOP("Cli", "Added RiskWatch to the application menu: {location}"),
    QT_TRANSLATE_NOOP("Cli", "Installed the icons in {location}"),
    QT_TRANSLATE_NOOP("Cli", "RiskWatch starts at login: {location}"),
    QT_TRANSLATE_NOOP("Cli", "Removed the menu entry {location}"),
    QT_TRANSLATE_NOOP("Cli", "Removed the icons from {location}"),
    QT_TRANSLATE_NOOP("Cli", "RiskWatch no longer starts at login (removed {location})."),
    QT_TRANSLATE_NOOP("Cli", "Left {location} alone: RiskWatch did not write it."),
    QT_TRANSLATE_NOOP("Cli", "It runs: {command}"),
    QT_TRANSLATE_NOOP("Cli", "Nothing to remove: RiskWatch was neither in the application menu nor started at login."),
    QT_TRANSLATE_NOOP("Cli", "on this system install-desktop only sets the start at login: add --autostart (the "
                      "application menu entry comes with the installer)"),
    QT_TRANSLATE_NOOP("Cli", "could not write {location}: {detail}"),
    QT_TRANSLATE_NOOP("Cli", "could not create the folder {location}: {detail}"),
    QT_TRANSLATE_NOOP("Cli", "could not remove {location}: {detail}"),
    QT_TRANSLATE_NOOP("Cli", "could not change the registry value {location}: {detail}"),
    QT_TRANSLATE_NOOP("Cli", "Nothing was changed."),
)

_DONE = {
    ("menu", "written"): "Added RiskWatch to the application menu: {location}",
    ("icons", "written"): "Installed the icons in {location}",
    ("autostart", "written"): "RiskWatch starts at login: {location}",
    ("menu", "removed"): "Removed the menu entry {location}",
    ("icons", "removed"): "Removed the icons from {location}",
    ("autostart", "removed"): "RiskWatch no longer starts at login (removed {location}).",
}
_FAILED = {
    "write": "could not write {location}: {detail}",
    "mkdir": "could not create the folder {location}: {detail}",
    "remove": "could not remove {location}: {detail}",
    "registry": "could not change the registry value {location}: {detail}",
}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("install-desktop", help="add RiskWatch to the desktop's application menu (and start it at "
                                               "login)",
                       description="Write the menu entry and icons for this user (Linux) and, with --autostart, "
                                   "start RiskWatch at login (Linux: XDG autostart, Windows: Run key, macOS: "
                                   "LaunchAgent).")
    p.add_argument("--autostart", action="store_true", help="also start RiskWatch when you log in "
                                                            "(with --remove: remove only that)")
    p.add_argument("--remove", action="store_true", help="remove what install-desktop wrote")
    p.set_defaults(func=run)


def run(args, *, integration=None) -> int:
    """``integration``: the platform's desktop integration (default: app.build_desktop_integration)."""
    from riskwatch.adapters.desktop_entry import DesktopIntegrationError
    from riskwatch.options import options_of

    texts = Texts(options_of(args).cli_language())
    if integration is None:
        from riskwatch.app import build_desktop_integration

        integration = build_desktop_integration(args)  # InputError (exit code 2) for a path no entry can run
    if not args.remove and not args.autostart and not integration.menu_supported:
        print("riskwatch: " + texts.cli("on this system install-desktop only sets the start at login: add "
                                        "--autostart (the application menu entry comes with the installer)"),
              file=sys.stderr)
        return 2
    try:
        if args.remove:
            changes = integration.remove(autostart_only=args.autostart)
        else:
            changes = integration.install(autostart=args.autostart)
    except DesktopIntegrationError as exc:
        message = texts.cli(_FAILED.get(exc.action, "could not write {location}: {detail}"), location=exc.location,
                            detail=exc.detail)
        tail = " " + texts.cli("Nothing was changed.") if exc.rolled_back and not args.remove else ""
        print(f"riskwatch: {message}{tail}", file=sys.stderr)
        return 1
    if args.remove and not any(c.action == "removed" for c in changes):
        print(texts.cli("Nothing to remove: RiskWatch was neither in the application menu nor started at login."))
    for change in changes:
        if change.action == "kept":
            print(texts.cli("Left {location} alone: RiskWatch did not write it.", location=change.location))
        else:
            print(texts.cli(_DONE[(change.kind, change.action)], location=change.location))
    if not args.remove:
        print(texts.cli("It runs: {command}", command=" ".join(integration.command)))
    return 0
