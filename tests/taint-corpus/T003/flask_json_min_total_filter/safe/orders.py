def load_orders():
    return [
        {"id": 1, "total": 19.99},
        {"id": 2, "total": 250.0},
        {"id": 3, "total": 1200.5},
    ]
