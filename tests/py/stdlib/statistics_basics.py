# statistics: exact means/variances as CPython, medians, modes, quantiles, covariance/correlation/regression, NormalDist, errors
import statistics as st
from fractions import Fraction as F
data = [2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 3.5]
print(st.mean([1, 2, 3, 4, 4]), st.mean(data), st.mean([F(3, 7), F(1, 21), F(5, 3)]), st.fmean([3.5, 4.0, 5.25]), st.geometric_mean([54, 24, 36]))
print(st.harmonic_mean([40, 60]), st.harmonic_mean([2.5, 3, 10]), st.median([1, 3, 5, 7]), st.median_low([1, 3, 5, 7]), st.median_high([1, 3, 5, 7]), st.median_grouped([52, 52, 53, 54]))
print(st.mode([1, 1, 2, 3, 3, 3, 3, 4]), st.mode(["red", "blue", "blue", "red", "green", "red", "red"]), st.multimode("aabbbbccddddeeffffgg"), st.multimode(""))
print(st.variance(data), st.pvariance([0.0, 0.25, 0.25, 1.25, 1.5, 1.75, 2.75, 3.25]), st.stdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), st.pstdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), st.variance([1, 2, 3, 4]), st.variance([F(1, 6), F(1, 2), F(5, 3)]))
print(st.quantiles([105, 129, 87, 86, 111, 111, 89, 81, 108, 92, 110, 100, 75, 105, 103, 109, 76, 119, 99, 91, 103, 129, 106, 101, 84, 111, 74, 87, 86, 103, 103, 106, 86, 111, 75, 87, 102, 121, 111, 88, 89, 101, 106, 95, 103, 107, 101, 81, 109, 104], n=10), st.quantiles([1, 2, 3, 4, 5], n=4, method="inclusive"))
x = [1, 2, 3, 4, 5, 6, 7, 8, 9]; y = [1, 2, 3, 1, 2, 3, 1, 2, 3]
print(st.covariance(x, y), st.correlation(x, x[::-1]), st.linear_regression([1, 2, 3, 4, 5], [3, 5, 7, 9, 11.5]))
nd = st.NormalDist(100, 15)
print(nd, round(nd.cdf(115), 6), round(nd.pdf(100), 6), nd.variance, nd + st.NormalDist(0, 20), nd * 2, st.NormalDist.from_samples([2.5, 3.25, 5.5, 11.25, 11.75]), nd.zscore(130))
for bad in [lambda: st.mean([]), lambda: st.variance([1]), lambda: st.median([]), lambda: st.mode([]), lambda: st.stdev([]), lambda: st.quantiles([1])]:
    try: bad()
    except st.StatisticsError as e: print("StatisticsError", e)
print(st.stdev([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), st.pstdev(range(20)), st.mean(range(1, 11)), type(st.mean([1, 2])).__name__, st.median([F(1,2), F(3,4)]))
