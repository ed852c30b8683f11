def load_eoffice_demo(context):
    """Filled in with the demo step."""
