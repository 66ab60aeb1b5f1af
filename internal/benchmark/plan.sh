#!/usr/bin/env bash
# Plan-time cost of the provider: the real provider against a do-nothing stub.
#
# For each N it times `terraform plan -refresh=false` on N scoped
# codepipeline_service_role_policy data sources, once with the real provider
# and once with the stub (internal/benchmark/stub: the same schema, a Read that
# does nothing), alternately, and compares the medians. Everything but the
# provider is the same: CLI, configuration, framework, process starts. The
# ratio is what the real provider adds to a plan: computing and validating the
# policies, and Terraform handling what they return.
#
# Terraform starts the provider itself, so its peak RSS and CPU time come from
# /usr/bin/time, which a wrapper in each dev_overrides directory execs around
# the binary.
#
# Usage: plan.sh TERRAFORM
# Env:   BENCH_RUNS (default 7), BENCH_SIZES (default 100). TF_LOG is cleared
#        to measure what users get by default.
set -euo pipefail

# Targets, checked at every N.
plan_target=1.10
rss_target=1.2

terraform=${1:?usage: plan.sh TERRAFORM}
[[ -x $terraform ]] || {
	echo "plan.sh: $terraform is not an executable" >&2
	exit 2
}
terraform=$(cd "$(dirname "$terraform")" && pwd)/$(basename "$terraform")
runs=${BENCH_RUNS:-7}
read -ra sizes <<<"${BENCH_SIZES:-100}"
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Peak memory needs GNU time; install it only where that is harmless.
timer=/usr/bin/time
if [[ ! -x $timer ]] && [[ $EUID -eq 0 ]] && command -v apt-get >/dev/null; then
	apt-get install -y -qq time >/dev/null 2>&1 || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq time >/dev/null 2>&1; } || true
fi
if [[ -x $timer ]] && [[ $("$timer" -f %M true 2>&1) =~ ^[0-9]+$ ]]; then
	memory=1
else
	memory=0
	echo "note: GNU time is not available; peak memory is not measured" >&2
fi

# install_provider KIND PACKAGE builds one provider into its own dev_overrides
# directory, with a CLI configuration naming it.
install_provider() {
	local kind=$1 pkg=$2 dir=$work/$1
	mkdir -p "$dir/bin" "$dir/plugins" "$dir/usage"
	(cd "$repo" && go build -o "$dir/bin/terraform-provider-codepipeline" "$pkg")
	if ((memory)); then
		# exec keeps the process Terraform started, stdio and handshake
		# included. Terraform stops providers over gRPC, so the provider exits
		# by itself and time writes its report; $$ names one per launch.
		printf '#!/bin/sh\nexec %s -f "%%M %%U %%S" -o "%s/usage/$$" "%s" "$@"\n' \
			"$timer" "$dir" "$dir/bin/terraform-provider-codepipeline" >"$dir/plugins/terraform-provider-codepipeline"
		chmod +x "$dir/plugins/terraform-provider-codepipeline"
	else
		ln -s "$dir/bin/terraform-provider-codepipeline" "$dir/plugins/terraform-provider-codepipeline"
	fi
	printf 'provider_installation {\n  dev_overrides {\n    "pipelinepolicy/codepipeline" = "%s"\n  }\n  direct {}\n}\n' \
		"$dir/plugins" >"$dir/cli.tfrc"
}
echo "building the providers..." >&2
install_provider real .
install_provider stub ./internal/benchmark/stub

export TF_IN_AUTOMATION=1 CHECKPOINT_DISABLE=1
unset TF_CLI_ARGS TF_CLI_ARGS_plan TF_LOG TF_LOG_PROVIDER TF_LOG_CORE

# Realistic scoped pipelines: each data source gets one of these, with
# resource names of its own (@I@ is the data source's number, @U@ the same
# padded for IDs), its own artifact bucket and KMS key, so no two reads are
# identical. Each is fully scoped, except what IAM cannot narrow.
pipelines=(
	'pipeline_actions = [
    { category = "Source", provider = "CodeStarSourceConnection", configuration = { ConnectionArn = "arn:aws:codeconnections:eu-west-1:111122223333:connection/12345678-90ab-4def-8123-@U@", FullRepositoryId = "org/app-@I@", BranchName = "main" } },
    { category = "Build", provider = "CodeBuild", configuration = { ProjectName = "app-@I@-build" } },
    { category = "Deploy", provider = "ECS", configuration = { ClusterName = "production", ServiceName = "app-@I@" } },
  ]
  pass_role_arns = ["arn:aws:iam::111122223333:role/app-@I@-task", "arn:aws:iam::111122223333:role/app-@I@-execution"]'
	'pipeline_actions = [
    { category = "Source", provider = "CodeStarSourceConnection", configuration = { ConnectionArn = "arn:aws:codeconnections:eu-west-1:111122223333:connection/12345678-90ab-4def-8123-@U@", FullRepositoryId = "org/infra-@I@", BranchName = "main" } },
    { category = "Build", provider = "CodeBuild", configuration = { ProjectName = "infra-@I@-synth" } },
    { category = "Deploy", provider = "CloudFormation", configuration = { ActionMode = "CREATE_UPDATE", StackName = "infra-@I@", RoleArn = "arn:aws:iam::111122223333:role/cfn-@I@" } },
  ]'
	'pipeline_actions = [
    { category = "Source", provider = "CodeCommit", configuration = { RepositoryName = "svc-@I@", BranchName = "main" } },
    { category = "Build", provider = "CodeBuild", configuration = { ProjectName = "svc-@I@-build", BatchEnabled = "true" } },
    { category = "Deploy", provider = "CodeDeploy", configuration = { ApplicationName = "svc-@I@", DeploymentGroupName = "prod" } },
  ]'
	'pipeline_actions = [
    { category = "Source", provider = "S3", configuration = { S3Bucket = "site-@I@-source", S3ObjectKey = "site.zip" } },
    { category = "Build", provider = "CodeBuild", configuration = { ProjectName = "site-@I@-build" } },
    { category = "Approval", provider = "Manual", configuration = { NotificationArn = "arn:aws:sns:eu-west-1:111122223333:approvals" } },
    { category = "Deploy", provider = "S3", configuration = { BucketName = "site-@I@", Extract = "true" } },
  ]'
)

# config N DIR writes N data sources. Nothing refers to them: the plan reads
# every data source whose configuration is known all the same, and outputs
# would only add Terraform's rendering of the documents.
config() {
	local n=$1 dir=$2 i body padded
	mkdir -p "$dir"
	{
		printf 'terraform {\n  required_providers {\n    codepipeline = {\n      source = "pipelinepolicy/codepipeline"\n    }\n  }\n}\n\nprovider "codepipeline" {}\n'
		for ((i = 1; i <= n; i++)); do
			padded=$(printf '%012d' "$i")
			body=${pipelines[i % ${#pipelines[@]}]//@I@/$i}
			cat <<EOF

data "codepipeline_service_role_policy" "p$i" {
  pipeline_name = "pipeline-$i"
  ${body//@U@/$padded}
  artifact_stores = [{
    location          = "pipeline-$i-artifacts"
    encryption_key_id = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-$padded"
  }]
  region     = "eu-west-1"
  account_id = "111122223333"
}
EOF
		done
	} >"$dir/main.tf"
}

now_us() {
	if [[ -n ${EPOCHREALTIME:-} ]]; then
		echo "${EPOCHREALTIME/[.,]/}"
	else
		echo $(($(date +%s%N) / 1000))
	fi
}

# plan KIND DIR prints the wall time of one plan in microseconds; then, when
# GNU time is there, the largest peak RSS (KiB) of the provider launches it
# made, their number, their total CPU time (ms) and the CPU time (ms) of the
# whole plan, Terraform and its providers, which load on the machine blurs
# less than wall time; "-" when not measured.
plan() {
	local kind=$1 dir=$2 start end usage timed=()
	rm -f "$work/$kind"/usage/*
	((memory)) && timed=("$timer" -f "%U %S" -o "$work/$kind/plan-usage")
	start=$(now_us)
	TF_CLI_CONFIG_FILE=$work/$kind/cli.tfrc "${timed[@]}" "$terraform" -chdir="$dir" plan -refresh=false -input=false -lock=false -no-color >"$dir/plan-$kind.log" 2>&1 || {
		cat "$dir/plan-$kind.log" >&2
		exit 1
	}
	end=$(now_us)
	usage=("$work/$kind"/usage/*)
	if ((memory)) && [[ -e ${usage[0]} ]]; then
		# A report's last line: GNU time puts notes such as the exit status first.
		for f in "${usage[@]}"; do tail -n 1 "$f"; done |
			awk -v t=$((end - start)) -v total="$(tail -n 1 "$work/$kind/plan-usage")" '
				{ if ($1 > max) max = $1; n++; cpu += $2 + $3 }
				END { split(total, u, " "); printf "%d %d %d %d %d\n", t, max, n, cpu * 1000, (u[1] + u[2]) * 1000 }'
	else
		echo "$((end - start)) - - - -"
	fi
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

results=()
for n in "${sizes[@]}"; do
	dir=$work/config-$n
	config "$n" "$dir"
	echo "N=$n: 1 warm-up and $runs measured runs each, alternating..." >&2
	plan real "$dir" >/dev/null
	plan stub "$dir" >/dev/null
	: >"$work/real.$n"
	: >"$work/stub.$n"
	for ((r = 1; r <= runs; r++)); do
		# Alternate so that drift in machine load hits both alike; the order
		# within a pair alternates too.
		if ((r % 2)); then order=(real stub); else order=(stub real); fi
		for kind in "${order[@]}"; do plan "$kind" "$dir" >>"$work/$kind.$n"; done
	done
	line=$n
	for kind in real stub; do
		for col in 1 2 3 4 5; do
			line+=" $(awk -v c=$col '{ print $c }' "$work/$kind.$n" | median)"
		done
	done
	results+=("$line")
done

# Medians over the runs: wall time of the plan, then each provider's peak RSS
# (the largest launch of a plan), launches per plan, the provider's CPU time
# and the whole plan's.
printf '%s\n' "${results[@]}" | awk -v runs="$runs" -v pt="$plan_target" -v rt="$rss_target" '
	function verdict(ratio, target) { return (ratio <= target + 1e-9) ? "PASS" : "FAIL" }
	function row(what, real, stub, unit) {
		if (real != "-") printf "  %-26s real %8s %-3s  stub %8s %s\n", what, real, unit, stub, unit
	}
	{
		n = $1; rp = $2 / 1000; sp = $7 / 1000
		printf "\nN=%d, %d runs each, alternating; medians\n", n, runs
		row("terraform plan wall time", sprintf("%.1f", rp), sprintf("%.1f", sp), "ms")
		row("provider peak RSS", ($3 == "-") ? "-" : sprintf("%.1f", $3 / 1024), sprintf("%.1f", $8 / 1024), "MiB")
		row("provider CPU time", $5, $10, "ms")
		row("plan CPU time (all)", $6, $11, "ms")
		if ($4 != "-") printf "  %-26s %s per plan\n", "provider launches", $4
		lines[NR] = sprintf("plan ratio, N=%d: %.3f (%.1f ÷ %.1f ms; target ≤ %s) %s", n, rp / sp, rp, sp, pt, verdict(rp / sp, pt))
		if ($3 != "-" && $8 > 0)
			lines[NR] = lines[NR] sprintf("\npeak RSS ratio, N=%d: %.3f (%.1f ÷ %.1f MiB; target ≤ %s) %s", n, $3 / $8, $3 / 1024, $8 / 1024, rt, verdict($3 / $8, rt))
		if ($6 != "-" && $11 > 0)
			lines[NR] = lines[NR] sprintf("\nplan CPU ratio, N=%d: %.3f (%d ÷ %d ms; no target, steadier than wall time on a busy machine)", n, $6 / $11, $6, $11)
	}
	END { print ""; for (i = 1; i <= NR; i++) print lines[i] }'
