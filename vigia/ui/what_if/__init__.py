"""The What if page (planners): where one more office, team or checkpoint helps most."""
