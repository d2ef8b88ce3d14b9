"""Newsdesk's trust boundaries that are not about content: who a client is
(its address behind proxies), how many wrong credentials it may try, and what
``check --deploy`` says about them. ``docs/security.md`` gives the whole
threat model."""
