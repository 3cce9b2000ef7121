"""The Admin page: accounts, roles and the audit log."""
