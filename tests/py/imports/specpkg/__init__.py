print("specpkg init", __name__, __package__, __file__.endswith("pkg/__init__.py"), __spec__ is not None)
