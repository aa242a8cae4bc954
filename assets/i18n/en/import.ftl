### `vpc-tui import aws`: the importer's warnings, one message `diag-<rule>` per rule code
### (docs/aws-import-fields.md lists the codes), and the command's own lines.
### `$case` picks which of the rule's situations the warning is about; `$id` is the resource (or
### file) it names. Ids, field names, API values and call names are arguments or stay as AWS
### spells them.

## Warnings

diag-aws_not_modelled = { $case ->
    [service_zone] { $id }: the private hosted zone { $name } is managed by { $service } (an interface endpoint's private DNS is one such zone, modelled by the endpoint itself); left out
    [delegate_rule] { $id }: a DELEGATE rule for { $domain }: its answer comes from resolvers outside the VPC, so it is imported as a forward rule (the answer is not modelled)
    [routing_policy] { $id }: the records for { $name } have a routing policy (weighted, failover, …); the model keeps the first one listed
    [record_value] { $id }: the A record { $name } holds { $value }, which is not an IPv4 address; that value is left out
    [zonal_alias] { $id }: the record { $name } is an alias to { $target }, a zonal endpoint name (one AZ's network interface): imported as an alias outside the model
    [dhcp_no_servers] { $id }: the DHCP options set has no domain-name-servers; taken as AmazonProvidedDNS
    [bpa_exclusions_not_allowed] { $id }: the Block Public Access options say ExclusionsAllowed: not-allowed (a declarative policy), so the exclusion has no effect; left out
    [bpa_exclusion_twice] { $id }: a second Block Public Access exclusion of the same VPC or subnet; the model keeps the first; left out
    [edge_association] { $id }: edge association with { $gateway }: the model reads gateway route tables of the VPC's internet gateway only; left out
    [gateway_endpoint_service] { $id }: gateway endpoint for { $service }: the model knows S3, DynamoDB and S3 Express One Zone gateway endpoints in this Region only; left out
    [gateway_endpoint_no_service] { $id }: gateway endpoint without ServiceName; left out
    [gwlb_health] { $id }: EC2's output does not say whether the appliances behind the Gateway Load Balancer endpoints are healthy; they are taken as healthy and stateful (set gateway_load_balancers in the scenario to change that)
    [instance_interfaces] { $id } has { $count } network interfaces: the model uses the primary one (its SubnetId and PrivateIpAddress)
    [peer_group] { $id }: a rule names the security group { $peer }, which is not in this VPC (a peered VPC's or another account's); the rule is left out
    [propagated] { $id }: { $count ->
        [one] { $count } route propagated by a virtual private gateway imported as static
       *[other] { $count } routes propagated by a virtual private gateway imported as static
    }; the model has no propagated routes (AWS ranks them below static and prefix-list routes of equal length)
    [remote_service] { $id }: interface endpoint for { $service } in { $region }, a service the catalogue does not know; left out
    [route_no_target] { $id }: route { $destination }: no target field the importer knows; left out
   *[route_target] { $id }: route { $destination }: { $field } { $value } is a target the model lacks; left out
}

diag-aws_state_not_modelled = { $case ->
    [ipv6_cidr] { $id }: the IPv6 block { $cidr } is { $state }: not in effect; left out
    [resolver_rule_gone] { $id }: the Resolver rule association is { $state }: not in effect; left out
    [resolver_rule_pending] { $id }: the Resolver rule association is { $state }: imported as in effect
    [bpa_updating] { $id }: the Block Public Access mode is still being updated (update-in-progress): imported as { $mode }
    [bpa_exclusion_gone] { $id } is { $state }: not in effect; left out
    [bpa_exclusion_pending] { $id } is { $state }: imported as in effect
    [association] { $id }: association with { $with } is { $state }: left out
    [main_association] { $id }: the main association is { $state }: left out
    [endpoint_gone] { $id } is { $state }: left out; routes to it become blackholes
    [endpoint_pending] { $id } is { $state }: imported as available
    [instance_gone] { $id } is { $state }: left out
    [instance_stopped] { $id } is { $state }: imported as if running (its paths are the ones it gets when started)
    [nat_gone] { $id } is { $state }: left out, and routes to it become blackholes, as AWS shows them
    [nat_gone_code] { $id } is { $state } ({ $code }): left out, and routes to it become blackholes, as AWS shows them
    [nat_pending] { $id } is still pending: imported as available
   *[vpc_cidr] { $id }: CIDR block { $cidr } is { $state }, not associated; left out
}

diag-aws_ipv6_not_modelled = { $case ->
    [subnet_block] { $id }: the IPv6 block { $cidr } is in no IPv6 block of the VPC that describe-vpcs gives; left out
    [endpoint_type] { $id }: the IP address type { $type } does not fit the imported subnets; imported as ipv4
    [subnet_without_block] { $id }: neither an IPv4 CIDR block nor, for an IPv6-only subnet (Ipv6Native), an IPv6 block that the VPC's blocks hold; left out
   *[ipv6_routes] { $id }: { $count ->
        [one] { $count } IPv6 route
       *[other] { $count } IPv6 routes
    } left out: the VPC has no IPv6 block, the destination does not parse, or the target is not one the model follows for IPv6
}

diag-aws_unknown_value = { $case ->
    [endpoint_no_state] { $id } is in no state: left out; routes to it become blackholes
    [endpoint_state] { $id } is "{ $value }", a state the importer does not know: left out; routes to it become blackholes
    [endpoint_type] { $id }: VpcEndpointType "{ $value }" unknown; left out
    [route_value] { $id }: route { $destination }: { $field } "{ $value }" unknown; taken as { $fallback }
   *[value] { $id }: { $field } "{ $value }" is not a value the importer knows; imported as { $fallback }
}

diag-aws_unknown_field = { $case ->
    [association] { $id }: route table association { $count ->
        [one] field
       *[other] fields
    } { $fields } not in the EC2 API reference the importer follows; ignored
    [dns_options] { $id }: DnsOptions { $count ->
        [one] field
       *[other] fields
    } { $fields } not in the EC2 API reference the importer follows; ignored
    [endpoint] { $id }: VPC endpoint { $count ->
        [one] field
       *[other] fields
    } { $fields } not in the EC2 API reference the importer follows; ignored
    [nat_gateway] { $id }: NAT gateway { $count ->
        [one] field
       *[other] fields
    } { $fields } not in the EC2 API reference the importer follows; ignored
   *[route] { $id }: route { $count ->
        [one] field
       *[other] fields
    } { $fields } not in the EC2 API reference the importer follows; ignored
}

diag-aws_unknown_file = { $case ->
   *[keys] { $id } is not the output of a call vpc-tui reads (top-level keys: { $keys }); it is ignored
}

diag-aws_pagination_cut = { $case ->
   *[next_token] { $id } has a NextToken: the output was cut short by pagination, so resources are missing; run the call again without --max-items / --page-size (the CLI then fetches every page)
}

diag-aws_missing_input = { $case ->
    [dhcp_options] { $id } uses the DHCP options set { $options }, which describe-dhcp-options does not list; AmazonProvidedDNS is assumed
    [no_dhcp_options] { $id }: no `aws ec2 describe-dhcp-options` output for its DHCP options set { $options }, so AmazonProvidedDNS is assumed; that call's output says the set's domain-name-servers
    [no_hosted_zones] { $id }: no `aws route53 list-hosted-zones-by-vpc` output, so no private hosted zone is taken to be associated with the VPC; that call's output lists them
    [no_resolver_rules] { $id }: no `aws route53resolver list-resolver-rule-associations` output, so no Resolver rule is taken to apply to the VPC; that call's output (with list-resolver-rules) says which do
    [no_bpa_options] { $id }: no `aws ec2 describe-vpc-block-public-access-options` output, so VPC Block Public Access is taken as off; that call's output says the Region's mode
    [no_bpa_exclusions] { $id }: no `aws ec2 describe-vpc-block-public-access-exclusions` output, so BPA ({ $mode }) is taken to have no exclusion; that call's output lists them
    [resolver_rule] { $id }: the association names the Resolver rule { $rule }, which list-resolver-rules does not list; left out
    [zone_records] { $id }: no `aws route53 list-resource-record-sets` output for the private hosted zone { $name }: its records are not known, so a name in it is not modelled rather than NXDOMAIN; that call's output for the zone lists them
    [record_sets_zone] { $id }: list-resource-record-sets output for no zone of list-hosted-zones-by-vpc (neither its SOA record nor the file name names one); left out
    [attached_group] { $id } names the security group { $group }, which describe-security-groups does not list for this VPC; it is left out
    [endpoint_enis] { $id }: some interface-endpoint network interfaces are not in describe-network-interfaces output, so the model picks their addresses
    [endpoint_subnet] { $id }: subnet { $subnet } is not among the VPC's subnets; left out
    [endpoint_table] { $id }: route table { $table } is not among the VPC's tables; left out
    [gwlb_endpoint_subnet] { $id }: Gateway Load Balancer endpoint without a subnet of the VPC; left out
    [inferred_endpoint] { $id }: no describe-vpc-endpoints output; a gateway endpoint for { $service } is inferred from the prefix-list routes to it
    [instance_subnet] { $id }: its subnet is not among the VPC's subnets; left out
    [interface_endpoint_no_service] { $id }: interface endpoint without ServiceName; left out
    [lattice_arn] { $id }: { $kind } endpoint without its ResourceConfigurationArn or ServiceNetworkArn; left out
    [lattice_domain] { $id }: no vpc-lattice get-resource-configuration output with a custom domain name for { $arn }: clients then use the endpoint's own DNS names, which the model does not answer, so private DNS is taken as off
    [lattice_associations] { $id }: no active association of the service network { $arn } in vpc-lattice list-service-network-service-associations or -resource-associations output, so nothing names what the endpoint reaches; left out
    [lattice_association_arn] { $id }: service network VPC association without its serviceNetworkArn (and no service association output names its service network); left out
    [nat_no_subnet] { $id }: zonal NAT gateway without a SubnetId; left out
    [nat_subnet] { $id }: zonal NAT gateway in subnet { $subnet }, which is not among the VPC's subnets; left out
    [no_region] { $id }: neither describe-availability-zones nor a subnet says the Region; { $region } is assumed
    [no_route_tables] { $id }: no `aws ec2 describe-route-tables` output, so there is no main route table
    [no_subnets] { $id }: no `aws ec2 describe-subnets` output, so the VPC has no subnets
    [route_destination] { $id }: a route with no destination; left out
    [route_endpoint] { $id }: route { $destination } → { $target }: no gateway or Gateway Load Balancer endpoint of the VPC has this id; imported as a blackhole
    [route_eni] { $id }: route { $destination } → { $target }: the network interface is not in describe-network-interfaces output for this VPC; imported as a blackhole
    [route_igw] { $id }: route { $destination } → { $target }: no describe-internet-gateways output attaches it to the VPC; taken as the VPC's internet gateway
    [route_eigw] { $id }: route { $destination } → { $target }: no describe-egress-only-internet-gateways output attaches it to the VPC; taken as one of the VPC's egress-only internet gateways
    [route_nat] { $id }: route { $destination } → { $target }: the NAT gateway is not among the VPC's imported NAT gateways; imported as a blackhole
    [route_prefix_list] { $id }: route { $destination }: the prefix list is neither an AWS service's nor one whose entries are given (get-managed-prefix-list-entries, file named after it); left out
    [rule_prefix_list] { $id }: a rule names the prefix list { $prefix_list }, whose entries the files do not hold (get-managed-prefix-list-entries); the rule is left out
   *[vpc_attribute] { $id }: no `aws ec2 describe-vpc-attribute --attribute { $attribute }` output, so { $attribute } is taken as true{ $attribute ->
        [enableDnsHostnames] , as in a default VPC or one made with the console's VPC wizard; a VPC created otherwise has it off
       *[other] , its default in every VPC
    }
}

diag-aws_bad_value = { $case ->
    [ipv6_cidr] { $id }: the IPv6 block "{ $value }" cannot be read; left out
    [ipv6_address] { $id }: the IPv6 address "{ $value }" cannot be read; left out
    [acl_entry] { $id }: entry { $number } cannot be read; left out
    [endpoint_no_ip] { $id }: { $endpoint }'s network interface in subnet { $subnet } has no private IP; the model picks one
    [endpoint_ip] { $id }: private IP { $ip } of { $endpoint }'s network interface is not in subnet { $subnet }; the model picks one
    [endpoint_ipv6] { $id }: IPv6 address { $ip } of { $endpoint }'s network interface is not in the IPv6 block of subnet { $subnet }; left out (the model names the subnet's block)
    [lattice_port] { $id }: port range "{ $value }" of the resource configuration cannot be read; left out
    [instance_ip] { $id }: private IP { $ip } is not in its subnet { $subnet }; left out
    [route_cidr] { $id }: route { $destination }: not an IPv4 CIDR; left out
    [rule_cidr] { $id }: the rule's CidrIp { $value } is not an IPv4 CIDR; left out
   *[vpc_cidr] { $id }: CIDR block "{ $value }" is not an IPv4 CIDR; ignored
}

diag-aws_reconcile_mismatch = { $case ->
    [endpoint_cidr] { $id }: route { $destination } → gateway endpoint { $target }: AWS routes to a gateway endpoint by its prefix list only; left out
    [endpoint_service] { $id }: route { $destination } → { $target }: the prefix list is { $list_service }'s but the endpoint is for { $service }; the model derives { $service }'s
    [endpoint_table_no_route] { $id }: lists route table { $table }, but { $table } has no route to it; the model derives the route
    [endpoint_table_other_route] { $id }: lists route table { $table }, but { $table }'s route for { $service }'s prefix list does not lead to it; that route is kept and the table is not attached
    [endpoint_table_unlisted] { $id }: { $table } has a route to it, but the endpoint does not list { $table }; the table is added to the endpoint
    [local_route] { $id }: route { $destination }: a local route for something that is not one of the VPC's CIDR blocks; the model derives local routes from the VPC's CIDRs, so it is left out
    [no_local_route] { $id }: AWS lists no local route for { $cidr }, which every route table has; the model derives it
    [other_igw] { $id }: route { $destination } → { $target }: not the VPC's internet gateway ({ $igw }); imported as a blackhole
    [private_dns] { $id }: PrivateDnsEnabled is true, but { $service } interface endpoints have no private DNS; imported with private DNS off
   *[route_twice] { $id }: route { $destination }: listed twice; the first is kept
}

diag-aws_prefix_list_expanded = { $case ->
   *[routes] { $id }: route to customer-managed prefix list { $prefix_list } imported as { $count ->
        [one] { $count } CIDR route
       *[other] { $count } CIDR routes
    }; at equal prefix length AWS ranks them below static routes, the model as equals
}

diag-aws_service_cidrs = { $case ->
   *[entries] { $id } ({ $name }): { $service }'s CIDRs taken from the prefix list ({ $count ->
        [one] { $count } entry
       *[other] { $count } entries
    }) instead of the catalogue's
}

diag-aws_service_added = { $case ->
    [unknown_service] { $id }: { $service } is not in the catalogue; added as a service reached only through its interface endpoint (no public CIDRs)
   *[endpoint_service] { $id }: { $service } is an endpoint service, not a catalogue service; added under that name with no public CIDRs, and its DNS name is a guess
}

diag-aws_ambiguous_name = { $case ->
   *[instances] { $id } is the Name tag of { $count } instances: use an instance id in --from
}

diag-aws_entries_without_prefix_list = { $case ->
   *[file_name] { $id } holds prefix-list entries, but the output of get-managed-prefix-list-entries does not say which prefix list they belong to, and the file name has no pl-… id; name the file after the prefix list (entries-pl-0123abcd.json)
}
diag-aws_bucket_policy_unnamed = { $case ->
   *[file_name] { $id } holds a bucket policy, but its Resource ARNs do not name one bucket and the file name does not either; name the file bucket-policy-NAME.json
}
diag-aws_bucket_policy_twice = { $case ->
   *[second] { $id } is a second policy for the bucket { $bucket }; left out
}

## The command's lines

import-read = read { $file }: { $call }
import-read-unrecognised = read { $file }: not the output of a call vpc-tui reads
import-summary = { $path }: { $subnets ->
        [one] { $subnets } subnet
       *[other] { $subnets } subnets
    }, { $tables ->
        [one] { $tables } route table
       *[other] { $tables } route tables
    }, { $endpoints ->
        [one] { $endpoints } endpoint
       *[other] { $endpoints } endpoints
    }, { $instances ->
        [one] { $instances } instance
       *[other] { $instances } instances
    } ({ $warnings ->
        [one] { $warnings } warning
       *[other] { $warnings } warnings
    })
import-cannot-write = cannot write: { $error }
cli-give-scenario = give a SCENARIO or --aws DIR

## The imported scenario's title and description

import-title = { $vpc }, imported from AWS
import-title-named = { $vpc } ({ $name }), imported from AWS
import-description = Imported with `vpc-tui import aws` from the AWS CLI's describe output for { $vpc } in { $region }. The local routes and the gateway endpoints' prefix-list routes that AWS lists are derived again by the model.

## What stops an import

import-error-io = { $path }: cannot read: { $error }
import-error-not-an-object = { $path }: not the output of an `aws ec2` call: the top level must be a JSON object such as {"{"}"Vpcs": [...]{"}"}
import-error-empty-directory = { $path }: no .json file in this directory
import-error-no-vpc = no `aws ec2 describe-vpcs` output among the files: the VPC's id and CIDR blocks come from it
import-error-several-vpcs = the files describe { $count } VPCs ({ $vpcs }); choose one with --vpc VPC_ID
import-error-unknown-vpc = --vpc { $wanted }: no such VPC in the files; VPCs: { $known }

## Why a file was not written (the system's own message is kept)

save-error-io = { $path }: { $error }
save-error-not-regular = { $path }: is { $kind ->
        [directory] a directory
        [fifo] a named pipe (FIFO)
        [socket] a socket
        [block_device] a block device
        [char_device] a character device
       *[other] something else
    }, not a regular file; it was not replaced
save-error-changed = { $path }: changed on disk since it was read (by another program?); not overwritten
save-error-is-input = { $path }: is one of this import's input files; not overwritten
