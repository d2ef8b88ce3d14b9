"""Development tools for Newsdesk: the synthetic corpus generator behind
``manage.py generate_corpus`` (load tests, benchmarks, demos).

A Django app installed by the local and test settings only: the product's
apps never import it, and production settings do not install it.
"""
