"""Staff: accounts and sessions, single sign-on, and whose things a staff member may change."""
