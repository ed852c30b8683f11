def load_notices_demo(context):
    pass
