"""How the built site is served: one policy (policy.py) rendered for every host."""
