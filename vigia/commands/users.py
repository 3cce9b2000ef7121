"""``vigia users add|list|disable|enable|role|end-sessions``: local accounts of the workspace.

With no account the app runs in open demo mode; the first ``vigia users add NAME
--role admin`` turns sign-in on. Passwords are read from a prompt, or from standard
input with ``--password-stdin`` (scripts), never from the command line where other
users of the machine could read them.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from geodata import formats
from geodata.messages import LANGUAGES
from vigia.cli_output import (
    EXIT_DATA_ERRORS,
    EXIT_OK,
    cli_text,
    help_description,
    help_text,
    language,
    usage_error,
)
from vigia.workspace.roles import Role

ROLE_NAMES = [r.value for r in Role]


def _password(args: argparse.Namespace, lang: str) -> str | None:
    if args.oidc:
        return None
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass(cli_text("cli.users.password", lang, name=args.name))
    if getpass.getpass(cli_text("cli.users.repeat", lang)) != first:
        raise ValueError(cli_text("cli.users.differ", lang))
    return first


def _cmd_users(args: argparse.Namespace) -> int:
    from vigia.workspace import WorkspaceError, accounts, open_workspace, sessions

    lang = language(args)
    give_role = cli_text("cli.users.give_role", lang, roles=", ".join(ROLE_NAMES))
    try:
        workspace = open_workspace()
        if args.action == "list":
            found = accounts.list_users(workspace)
            if not found:
                print(cli_text("cli.users.none", lang))
            for account in found:
                login = cli_text("cli.users.login.password", lang) if account.has_password else "OIDC"
                state = cli_text("cli.users.state.disabled" if account.disabled else "cli.users.state.active", lang)
                print(f"{account.name}\t{account.role.value}\t{login}\t{state}")
            return EXIT_OK
        if args.action == "end-sessions":  # no name: everyone's
            if args.name is not None:
                accounts.get_user(workspace, args.name)  # a clear error for a mistyped name
            ended = formats.integer(sessions.end_all(workspace, args.name), lang)
            print(cli_text("cli.users.ended", lang, n=ended, name=args.name) if args.name
                  else cli_text("cli.users.ended_all", lang, n=ended))
            return EXIT_OK
        if args.name is None:
            return usage_error(f"users {args.action}", cli_text("cli.users.give_name", lang))
        if args.action == "add":
            if args.role is None:
                return usage_error("users add", give_role)
            account = accounts.add_user(workspace, args.name, args.role, _password(args, lang))
            print(cli_text("cli.users.added", lang, name=account.name, role=account.role.value))
        elif args.action in ("disable", "enable"):
            account = accounts.set_disabled(workspace, args.name, args.action == "disable")
            print(cli_text("cli.users.disabled" if account.disabled else "cli.users.enabled", lang, name=account.name))
        elif args.action == "role":
            if args.role is None:
                return usage_error("users role", give_role)
            account = accounts.set_role(workspace, args.name, args.role)
            print(cli_text("cli.users.role", lang, name=account.name, role=account.role.value))
    except (WorkspaceError, ValueError) as error:
        print(f"vigia users {args.action}: {error}", file=sys.stderr)
        return EXIT_DATA_ERRORS
    return EXIT_OK


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("users", help=help_text("users"), description=help_description("users"))
    p.add_argument("action", choices=["add", "list", "disable", "enable", "role", "end-sessions"],
                   help=help_text("users.action"))
    p.add_argument("name", nargs="?", help=help_text("users.name"))
    p.add_argument("--role", choices=ROLE_NAMES, help=help_text("users.role"))
    p.add_argument("--password-stdin", action="store_true", help=help_text("users.password_stdin"))
    p.add_argument("--oidc", action="store_true", help=help_text("users.oidc"))
    p.add_argument("--lang", choices=LANGUAGES, default=None, help=help_text("lang_report"))
    p.set_defaults(func=_cmd_users)
