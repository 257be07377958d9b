public = "pub"
_private = "priv"
