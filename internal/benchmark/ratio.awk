# Reads `go test -bench` output of several runs of internal/policy and
# internal/benchmark and prints each benchmark's median ns/op, then two ratios:
#   BuildTypical ÷ MarshalTypical: the builder's cost in units of plain
#     encoding/json work on the same document (target ≤ 3);
#   ReadReal ÷ (ReadStub + ReadBuild): a data source's validation and read
#     through the framework's server, against the do-nothing provider's plus
#     the policy itself, so what the provider layer adds (target ≤ 1.5).
# Medians, because single runs on a shared machine are noisy. Plain POSIX awk.

$1 ~ /^Benchmark/ && $4 == "ns/op" {
	name = $1
	sub(/^Benchmark/, "", name)
	sub(/-[0-9]+$/, "", name)
	if (!(name in count)) order[++names] = name
	ns[name, ++count[name]] = $3
}

function median(name,    n, i, j, v, t) {
	n = count[name]
	for (i = 1; i <= n; i++) v[i] = ns[name, i] + 0
	for (i = 2; i <= n; i++)
		for (j = i; j > 1 && v[j - 1] > v[j]; j--) { t = v[j]; v[j] = v[j - 1]; v[j - 1] = t }
	return (n % 2) ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
}

END {
	for (i = 1; i <= names; i++)
		printf "%-22s median %10.1f µs/op over %d runs\n", order[i], median(order[i]) / 1000, count[order[i]]
	if (("BuildTypical" in count) && ("MarshalTypical" in count)) {
		ratio = median("BuildTypical") / median("MarshalTypical")
		printf "build ÷ marshal (typical pipeline): %.2f (target ≤ 3) %s\n", ratio, (ratio <= 3) ? "PASS" : "FAIL"
	}
	if (("ReadReal" in count) && ("ReadStub" in count) && ("ReadBuild" in count)) {
		real = median("ReadReal"); stub = median("ReadStub"); build = median("ReadBuild")
		ratio = real / (stub + build)
		printf "read ratio: %.3f (%.1f µs ÷ (%.1f + %.1f µs); target ≤ 1.5) %s\n", ratio, real / 1000, stub / 1000,
			build / 1000, (ratio <= 1.5) ? "PASS" : "FAIL"
	}
}
