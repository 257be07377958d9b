s = 'ab\x1'
