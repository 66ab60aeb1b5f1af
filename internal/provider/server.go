package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

// NewServer returns the protocol 6 server of the provider at the given
// version, as providerserver.Serve would build it, with nullArguments around it.
func NewServer(version string) func() tfprotov6.ProviderServer {
	return func() tfprotov6.ProviderServer { return serve(New(version)()) }
}

func serve(p provider.Provider) tfprotov6.ProviderServer {
	return nullArguments{providerserver.NewProtocol6(p)()}
}

// nullArguments restores the null arguments of a function call that OpenTofu
// sends as values with no data (seen on 1.12), which the plugin framework
// rejects before the function runs. OpenTofu does so only for parameters that
// allow null; Terraform always sends the null, so it sees no difference.
type nullArguments struct{ tfprotov6.ProviderServer }

// msgpackNil is MessagePack's nil: a null of any type, dynamic included.
var msgpackNil = []byte{0xc0}

func (s nullArguments) CallFunction(ctx context.Context, req *tfprotov6.CallFunctionRequest) (*tfprotov6.CallFunctionResponse, error) {
	for i, arg := range req.Arguments {
		if arg == nil || arg.MsgPack == nil && arg.JSON == nil {
			req.Arguments[i] = &tfprotov6.DynamicValue{MsgPack: msgpackNil}
		}
	}
	return s.ProviderServer.CallFunction(ctx, req)
}
