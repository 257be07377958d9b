# An assert whose test is a comparison underlines that comparison (the last one compiled);
# other tests give no markers. Each failure is raised while handling the previous one.
x = 1
try:
    assert x == 2
except AssertionError:
    try:
        assert not (x == 1), "negated"
    except AssertionError:
        try:
            assert (x == 2 if x else x)
        except AssertionError:
            try:
                assert x < 0 < 3
            except AssertionError:
                try:
                    assert x and x in []
                except AssertionError:
                    try:
                        assert not x, f"{x}"
                    except AssertionError:
                        assert (x ==
                                2)
