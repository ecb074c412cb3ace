"""What the tests share: stores, rounds and answers, users, pages, a browser and the attacked
server. Fixtures stay in the conftest files and are built from these; a test module imports
from here, never from another test module."""
