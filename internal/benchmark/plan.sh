#!/usr/bin/env bash
# Plan-time cost of codepipeline_service_role_policy data sources.
#
# For each N it times `terraform plan` on N scoped data sources (with outputs
# of their json) against a baseline holding the same N policies as
# jsonencode() locals and no provider. The difference is what the provider
# adds: process starts, schema exchange and N validations and reads. Terraform
# starts the provider itself, so its peak RSS and CPU time come from
# /usr/bin/time, which a wrapper in the dev_overrides directory execs around
# the real binary.
#
# Usage: plan.sh TERRAFORM
# Env:   BENCH_RUNS (default 5), BENCH_SIZES (default "1 10 100"). TF_LOG is
#        cleared to measure what users get by default; TF_LOG_SDK* pass
#        through, so the framework's logging cost can be compared.
set -euo pipefail

terraform=${1:?usage: plan.sh TERRAFORM}
[[ -x $terraform ]] || {
	echo "plan.sh: $terraform is not an executable" >&2
	exit 2
}
terraform=$(cd "$(dirname "$terraform")" && pwd)/$(basename "$terraform")
runs=${BENCH_RUNS:-5}
read -ra sizes <<<"${BENCH_SIZES:-1 10 100}"
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin" "$work/plugins" "$work/rss"

# Peak memory needs GNU time; install it only where that is harmless.
timer=/usr/bin/time
if [[ ! -x $timer ]] && [[ $EUID -eq 0 ]] && command -v apt-get >/dev/null; then
	apt-get install -y -qq time >/dev/null 2>&1 || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq time >/dev/null 2>&1; } || true
fi
# Capture first: grep -q closing the pipe early would fail it under pipefail.
if [[ -x $timer ]] && [[ $("$timer" -v true 2>&1) == *'Maximum resident set size'* ]]; then
	memory=1
else
	memory=0
	echo "note: GNU time (/usr/bin/time -v) is not available; peak memory is not measured" >&2
fi

echo "building the provider..." >&2
(cd "$repo" && go build -o "$work/bin/terraform-provider-codepipeline" .)
plugin=$work/plugins/terraform-provider-codepipeline
if ((memory)); then
	# exec keeps the process Terraform started, stdio and handshake included.
	# Terraform stops providers over gRPC, so the provider exits by itself and
	# time writes its report; $$ names one report per provider launch.
	printf '#!/bin/sh\nexec "%s" -v -o "%s/rss.$$" "%s" "$@"\n' "$timer" "$work/rss" "$work/bin/terraform-provider-codepipeline" >"$plugin"
	chmod +x "$plugin"
else
	ln -s "$work/bin/terraform-provider-codepipeline" "$plugin"
fi

printf 'provider_installation {\n  dev_overrides {\n    "pipelinepolicy/codepipeline" = "%s"\n  }\n  direct {}\n}\n' "$work/plugins" >"$work/cli.tfrc"
export TF_CLI_CONFIG_FILE=$work/cli.tfrc TF_IN_AUTOMATION=1 CHECKPOINT_DISABLE=1
unset TF_CLI_ARGS TF_CLI_ARGS_plan TF_CLI_ARGS_apply TF_LOG

# Realistic scoped pipelines: each data source gets one of these action lists,
# with resource names of its own (@I@ is the data source's number), its own
# artifact bucket and KMS key, so no two reads are identical.
action_sets=(
	'[
    { category = "Source", provider = "CodeStarSourceConnection", configuration = { ConnectionArn = "arn:aws:codeconnections:eu-west-1:111122223333:connection/c-@I@", FullRepositoryId = "org/app-@I@", BranchName = "main" } },
    { category = "Build", provider = "CodeBuild", configuration = { ProjectName = "app-@I@-build" } },
    { category = "Deploy", provider = "ECS", configuration = { ClusterName = "production", ServiceName = "app-@I@" } },
  ]'
	'[
    { category = "Source", provider = "CodeStarSourceConnection", configuration = { ConnectionArn = "arn:aws:codeconnections:eu-west-1:111122223333:connection/c-@I@", FullRepositoryId = "org/infra-@I@", BranchName = "main" } },
    { category = "Build", provider = "CodeBuild", configuration = { ProjectName = "infra-@I@-synth" } },
    { category = "Deploy", provider = "CloudFormation", configuration = { ActionMode = "CREATE_UPDATE", StackName = "infra-@I@", RoleArn = "arn:aws:iam::111122223333:role/cfn-@I@" } },
  ]'
	'[
    { category = "Source", provider = "CodeCommit", configuration = { RepositoryName = "svc-@I@", BranchName = "main" } },
    { category = "Build", provider = "CodeBuild", configuration = { ProjectName = "svc-@I@-build", BatchEnabled = "true" } },
    { category = "Deploy", provider = "CodeDeploy", configuration = { ApplicationName = "svc-@I@", DeploymentGroupName = "prod" } },
  ]'
	'[
    { category = "Source", provider = "S3", configuration = { S3Bucket = "site-@I@-source", S3ObjectKey = "site.zip" } },
    { category = "Build", provider = "CodeBuild", configuration = { ProjectName = "site-@I@-build" } },
    { category = "Approval", provider = "Manual", configuration = { NotificationArn = "arn:aws:sns:eu-west-1:111122223333:approvals" } },
    { category = "Deploy", provider = "S3", configuration = { BucketName = "site-@I@", Extract = "true" } },
  ]'
)

# provider_config N DIR writes N data sources and an output of each one's json.
provider_config() {
	local n=$1 dir=$2 i actions
	mkdir -p "$dir"
	{
		printf 'terraform {\n  required_providers {\n    codepipeline = {\n      source = "pipelinepolicy/codepipeline"\n    }\n  }\n}\n\nprovider "codepipeline" {}\n'
		for ((i = 1; i <= n; i++)); do
			actions=${action_sets[i % ${#action_sets[@]}]}
			cat <<EOF

data "codepipeline_service_role_policy" "p$i" {
  pipeline_name    = "pipeline-$i"
  pipeline_actions = ${actions//@I@/$i}
  artifact_stores = [{
    location          = "pipeline-$i-artifacts"
    encryption_key_id = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-$(printf '%012d' "$i")"
  }]
  region     = "eu-west-1"
  account_id = "111122223333"
}

output "p$i" {
  value = data.codepipeline_service_role_policy.p$i.json
}
EOF
		done
	} >"$dir/main.tf"
}

# baseline_config N PROVIDER_DIR DIR writes the same N policies as jsonencode()
# locals. Terraform itself renders them: an apply of the provider config with
# one extra output that prints the baseline file. A JSON document is a valid
# HCL expression once template sequences are escaped, which sed does (the
# surrounding text holds none).
baseline_config() {
	local n=$1 from=$2 dir=$3 gen=$work/gen-$1 i
	mkdir -p "$gen" "$dir"
	cp "$from/main.tf" "$gen/"
	{
		printf 'output "baseline" {\n  value = join("", [\n'
		for ((i = 1; i <= n; i++)); do
			# shellcheck disable=SC2016 # ${...} is a Terraform template, not shell.
			printf '    "locals {\\n  p%d = jsonencode(${data.codepipeline_service_role_policy.p%d.json})\\n}\\n\\noutput \\"p%d\\" {\\n  value = local.p%d\\n}\\n\\n",\n' "$i" "$i" "$i" "$i"
		done
		printf '  ])\n}\n'
	} >"$gen/baseline.tf"
	"$terraform" -chdir="$gen" apply -auto-approve -input=false -lock=false -no-color >"$gen/apply.log" 2>&1 || {
		cat "$gen/apply.log" >&2
		exit 1
	}
	"$terraform" -chdir="$gen" output -raw baseline | sed -e 's/\$[{]/$${/g' -e 's/%[{]/%%{/g' >"$dir/main.tf"
}

now_us() {
	if [[ -n ${EPOCHREALTIME:-} ]]; then
		echo "${EPOCHREALTIME/[.,]/}"
	else
		echo $(($(date +%s%N) / 1000))
	fi
}

# plan DIR prints the wall time of one plan in microseconds.
plan() {
	local start end
	start=$(now_us)
	"$terraform" -chdir="$1" plan -refresh=false -input=false -lock=false -no-color >"$1/plan.log" 2>&1 || {
		cat "$1/plan.log" >&2
		exit 1
	}
	end=$(now_us)
	echo $((end - start))
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# provider_usage prints, over the provider launches of one plan, the largest
# "Maximum resident set size" (KiB), the number of launches and their total CPU
# time (ms), then clears the reports. CPU time shows how much of the wall time
# difference the provider itself spends.
provider_usage() {
	local files=("$work"/rss/rss.*)
	if ! ((memory)) || [[ ! -e ${files[0]} ]]; then
		echo "- - -"
		return
	fi
	awk -F': ' '
		/Maximum resident set size/ { if ($2 + 0 > max) max = $2 + 0; n++ }
		/(User|System) time \(seconds\)/ { cpu += $2 }
		END { printf "%d %d %d\n", max, n, cpu * 1000 }' "${files[@]}"
	rm -f "${files[@]}"
}

results=()
for n in "${sizes[@]}"; do
	echo "N=$n: generating configurations..." >&2
	provider_config "$n" "$work/provider-$n"
	baseline_config "$n" "$work/provider-$n" "$work/baseline-$n"

	echo "N=$n: 1 warm-up and $runs measured runs each..." >&2
	plan "$work/provider-$n" >/dev/null
	plan "$work/baseline-$n" >/dev/null
	rm -f "$work"/rss/rss.*
	provider_times=() baseline_times=() cpu_times=() peak=0
	for ((r = 1; r <= runs; r++)); do
		# Alternate the two so drift in machine load hits both alike.
		provider_times+=("$(plan "$work/provider-$n")")
		read -r kib launches cpu < <(provider_usage)
		[[ $kib == - ]] || ((kib <= peak)) || peak=$kib
		cpu_times+=("$cpu")
		baseline_times+=("$(plan "$work/baseline-$n")")
	done
	p=$(printf '%s\n' "${provider_times[@]}" | median)
	b=$(printf '%s\n' "${baseline_times[@]}" | median)
	if ((memory)); then
		cpu=$(printf '%s\n' "${cpu_times[@]}" | median)
	else
		peak=- cpu=-
	fi
	results+=("$n $p $b $peak $launches $cpu")
done

# Times are medians in ms; the slope is the difference's growth per data source
# from the previous N, which excludes the fixed cost of starting the provider.
echo
printf '%s runs per configuration, median wall time of terraform plan -refresh=false\n\n' "$runs"
printf '%s\n' "${results[@]}" | awk '
	BEGIN {
		printf "%5s %12s %12s %9s %10s %12s %13s %9s %16s\n", "N", "provider ms", "baseline ms", "diff ms", "diff/N ms", "slope ms/ds", "peak RSS MiB", "launches", "provider CPU ms"
	}
	{
		n = $1; p = $2 / 1000; b = $3 / 1000; d = p - b
		slope = (NR > 1) ? sprintf("%.3f", (d - pd) / (n - pn)) : "-"
		rss = ($4 == "-") ? "-" : sprintf("%.1f", $4 / 1024)
		printf "%5d %12.1f %12.1f %9.1f %10.3f %12s %13s %9s %16s\n", n, p, b, d, d / n, slope, rss, $5, $6
		pn = n; pd = d
	}'
