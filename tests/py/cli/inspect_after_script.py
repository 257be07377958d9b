# test: flags=-i
# test: stdin=_inspect_input.txt
# `-i`: after the script, read statements from stdin in its namespace; expression results
# are printed and bound to `_`; errors are reported without ending the session.
y = 41
print("script ran")
