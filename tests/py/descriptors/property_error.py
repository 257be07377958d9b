class C:
    @property
    def value(self):
        return self.missing
C().value
