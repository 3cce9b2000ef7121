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

from vigia.cli_output import EXIT_DATA_ERRORS, EXIT_OK, usage_error
from vigia.workspace.roles import Role

ROLE_NAMES = [r.value for r in Role]


def _password(args: argparse.Namespace) -> str | None:
    if args.oidc:
        return None
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass(f"Password for {args.name}: ")
    if getpass.getpass("Repeat it: ") != first:
        raise ValueError("the two passwords differ; nothing was saved")
    return first


def _cmd_users(args: argparse.Namespace) -> int:
    from vigia.workspace import WorkspaceError, accounts, open_workspace, sessions

    try:
        workspace = open_workspace()
        if args.action == "list":
            found = accounts.list_users(workspace)
            if not found:
                print("No accounts: the app runs in open demo mode (anyone can use every page).")
            for account in found:
                login = "password" if account.has_password else "OIDC"
                state = "DISABLED" if account.disabled else "active"
                print(f"{account.name}\t{account.role.value}\t{login}\t{state}")
            return EXIT_OK
        if args.action == "end-sessions":  # no name: everyone's
            if args.name is not None:
                accounts.get_user(workspace, args.name)  # a clear error for a mistyped name
            ended = sessions.end_all(workspace, args.name)
            who = args.name or "all users"
            print(f"Ended {ended} open session(s) of {who}; they sign in again at their next click.")
            return EXIT_OK
        if args.name is None:
            return usage_error(f"users {args.action}", "give the user name")
        if args.action == "add":
            if args.role is None:
                return usage_error("users add", f"give --role ({', '.join(ROLE_NAMES)})")
            account = accounts.add_user(workspace, args.name, args.role, _password(args))
            print(f"Added {account.name} ({account.role.value}).")
        elif args.action in ("disable", "enable"):
            account = accounts.set_disabled(workspace, args.name, args.action == "disable")
            print(f"{account.name} is now {'disabled' if account.disabled else 'enabled'}.")
        elif args.action == "role":
            if args.role is None:
                return usage_error("users role", f"give --role ({', '.join(ROLE_NAMES)})")
            account = accounts.set_role(workspace, args.name, args.role)
            print(f"{account.name} is now {account.role.value}.")
    except (WorkspaceError, ValueError) as error:
        print(f"vigia users {args.action}: {error}", file=sys.stderr)
        return EXIT_DATA_ERRORS
    return EXIT_OK


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("users", help="manage local accounts (add, list, disable, enable, role, end-sessions)")
    p.add_argument("action", choices=["add", "list", "disable", "enable", "role", "end-sessions"])
    p.add_argument("name", nargs="?", help="user name (e.g. an e-mail address); end-sessions without one: everyone")
    p.add_argument("--role", choices=ROLE_NAMES, help="role for add / role")
    p.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    p.add_argument("--oidc", action="store_true", help="no password: the user signs in through the identity provider")
    p.set_defaults(func=_cmd_users)
