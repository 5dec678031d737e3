"""One router per resource: stories, articles and search under ``/api``; the web pages at ``/``."""
