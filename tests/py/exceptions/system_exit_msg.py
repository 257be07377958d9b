raise SystemExit("goodbye message")
