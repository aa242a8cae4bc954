### Validation findings and edit refusals: one message per rule code, `diag-<rule>`.
### Ids, CIDRs, addresses, AZ names and codes are arguments and stay as they are.
### `$case` chooses between the situations one rule covers.

## The line around a finding: "error: subnet-a: … [rule]"

diag-severity-error = error
diag-severity-warning = warning
# A finding whose sentence begins with the object's id.
diag-line = { $severity }: { $message } [{ $rule }]
# A finding whose sentence does not name the object.
diag-line-object = { $severity }: { $object }: { $message } [{ $rule }]
# The heading of a scenario that fails to load.
diag-load-heading = { $path }: { $errors ->
    [one] 1 error
   *[other] { $errors } errors
} in the scenario
# The TUI's status line after loading a scenario with warnings.
diag-warnings-status = { $count ->
    [one] 1 warning
   *[other] { $count } warnings
} from validation: { $first }

## Kinds of object, and the roles of a CIDR

kind-a-vpc = a VPC
kind-a-internet_gateway = an internet gateway
kind-a-subnet = a subnet
kind-a-route_table = a route table
kind-a-nat_gateway = a NAT gateway
kind-a-gateway_endpoint = a gateway endpoint
kind-a-interface_endpoint = an interface endpoint
kind-a-gateway_load_balancer = a Gateway Load Balancer
kind-a-gwlb_endpoint = a Gateway Load Balancer endpoint
kind-a-network_interface = a network interface
kind-a-instance = an instance
kind-a-security_group = a security group
kind-a-network_acl = a network ACL
kinds-security_group = security groups
kinds-network_acl = network ACLs
kind-security_group = security group
kind-network_acl = network ACL
kinds-vpc = VPCs
kinds-internet_gateway = internet gateways
kinds-subnet = subnets
kinds-route_table = route tables
kinds-nat_gateway = NAT gateways
kind-vpc_endpoint = VPC endpoint
kind-bucket = S3 bucket
kinds-bucket = S3 buckets
kind-bpa_exclusion = Block Public Access exclusion
kinds-bpa_exclusion = Block Public Access exclusions
kind-hosted_zone = private hosted zone
kinds-hosted_zone = private hosted zones
kind-resolver_rule = Resolver rule
kinds-resolver_rule = Resolver rules
kind-dns_record = record
kinds-dns_record = records
kinds-vpc_endpoint = VPC endpoints
kinds-gateway_endpoint = gateway endpoints
kinds-interface_endpoint = interface endpoints
kinds-gateway_load_balancer = Gateway Load Balancers
kinds-gwlb_endpoint = Gateway Load Balancer endpoints
kinds-network_interface = network interfaces
kinds-instance = instances
kind-vpc = VPC
kind-internet_gateway = internet gateway
kind-subnet = subnet
kind-route_table = route table
kind-nat_gateway = NAT gateway
kind-gateway_endpoint = gateway endpoint
kind-interface_endpoint = interface endpoint
kind-gateway_load_balancer = Gateway Load Balancer
kind-gwlb_endpoint = Gateway Load Balancer endpoint
kind-network_interface = network interface
kind-instance = instance
kind-az = AZ
kinds-az = AZs
the-vpc = the VPC
the-internet-gateway = the internet gateway
what-vpc-cidr = the VPC CIDR
what-subnet-cidr = the subnet CIDR
what-route-destination = the route destination
what-service-cidr = the service CIDR

## CIDR blocks

diag-cidr_host_bits = { $what } { $cidr } is not a valid CIDR block: its host bits are set (did you mean { $network }?); AWS takes a CIDR block only as its network address
diag-dns_hostnames_without_support = { $vpc } has enableDnsHostnames on and enableDnsSupport off: AWS enables DNS hostnames only when DNS support is on (ModifyVpcAttribute)
diag-vpc_without_cidr = { $vpc } has no CIDR block; a VPC is created with a primary IPv4 CIDR block
diag-vpc_cidr_size = the VPC CIDR { $cidr } is a /{ $len }; a VPC CIDR block must be between a /16 (65,536 addresses) and a /28 (16 addresses)
diag-vpc_cidr_overlap = the VPC CIDR { $cidr } overlaps the VPC CIDR { $other }; a VPC's CIDR blocks must not overlap each other
diag-subnet_cidr_size = { $subnet }'s CIDR { $cidr } is a /{ $len }; a subnet CIDR block must be between a /16 and a /28
diag-subnet_outside_vpc = { $subnet }'s CIDR { $cidr } is not inside the VPC's CIDR blocks ({ $vpc_cidrs }); a subnet's CIDR block must be a subset of one of the VPC's CIDR blocks
diag-subnet_overlap = { $subnet }'s CIDR { $cidr } overlaps { $other }'s CIDR { $other_cidr }; the subnets of a VPC cannot overlap
diag-unknown_az = { $case ->
    [subnet] { $subnet } is in the Availability Zone { $az }, which is not listed in availability_zones
   *[reference] the Availability Zone { $az } is neither an AZ name nor an AZ ID of the scenario (known: { $known })
}
diag-unknown_subnet = { $case ->
    [associated] { $table } is associated with { $subnet }, which is not a subnet of the VPC
    [lists] { $endpoint } lists { $subnet }, which is not a subnet of the VPC
   *[placed] { $id } is in { $subnet }, which is not a subnet of the VPC
}

## Ids and Availability Zones

diag-empty_id = { $a_kind } has an empty id; every object needs an id to be referred to
diag-duplicate_id = { $case ->
    [same_kind] two { $kinds } have the id { $id }; ids must be unique
    [workload] the workload { $workload } is defined twice
    [new_id] { $id } is already used by { $a_kind }; ids must be unique
   *[two_kinds] { $id } is the id of both { $a_first } and { $a_kind }; as in AWS, an id names exactly one object
}
diag-duplicate_az = { $case ->
    [name_twice] the Availability Zone { $az } is listed twice; each AZ name appears once
    [id_twice] the AZ ID { $az_id } is given to more than one Availability Zone; an AZ ID names one physical zone, so each AZ name maps to a different AZ ID
   *[id_is_a_name] the AZ ID { $az_id } of { $az } is also the name of another Availability Zone, so a reference to { $az_id } would be ambiguous
}
diag-az_not_in_region = the Availability Zone { $az } is not in the scenario's Region { $region }; AZ names are the Region's name followed by a letter (for example { $region }a)

## Route tables

diag-no_main_route_table = { $vpc } has no main route table; every VPC has exactly one (mark one table `main: true`), and subnets without an explicit association use it
diag-multiple_main_route_tables = { $first } and { $table } are both marked main; a VPC has exactly one main route table
diag-duplicate_association = { $case ->
    [twice] { $table } lists { $subnet } twice; a subnet is associated with a route table once
   *[two_tables] { $subnet } is explicitly associated with both { $first } and { $table }; a subnet can be associated with only one route table at a time
}
diag-duplicate_route_destination = { $case ->
    [gateway_endpoint] { $table } has a route to { $destination } and the gateway endpoint { $endpoint } adds another; a route table holds one route per destination (remove the written route, or { $table } from the endpoint's route_tables)
    [edit_written] { $table } already has a route to { $destination } (→ { $target }); replace its target or delete it first
    [edit_local] { $table } already has the local route to { $destination }; replace its target instead
    [edit_gateway_endpoint] { $table } already has a route to { $destination } from gateway endpoint { $endpoint }; AWS manages that route (detach { $endpoint } from { $table } to remove it)
    [edit_attach] { $table } already has a route to { $destination } (→ { $target }), so { $endpoint } cannot add its own
   *[written] { $table } has more than one route to { $destination }; a route table holds one route per destination
}
diag-unknown_target = { $case ->
    [other_igw] { $table }'s route to { $destination } targets { $target }, but the VPC's internet gateway is { $igw }; a VPC has one internet gateway
    [no_igw] { $table }'s route to { $destination } targets { $target }, but the VPC has no internet gateway (add `internet_gateway: (id: "{ $target }")`)
   *[missing] { $table }'s route to { $destination } targets { $target }, which is not { $a_kind } of the VPC
}
diag-derived_route_target = { $case ->
    [gateway_endpoint] { $table }'s route to { $destination } targets the gateway endpoint { $endpoint }; AWS adds a gateway endpoint's routes itself and they cannot be written by hand: list { $table } in the endpoint's route_tables instead
    [edit_gateway_endpoint] routes to gateway endpoint { $endpoint } are managed by AWS: attach { $endpoint } to { $table } instead of writing the route
    [edit_add_local] a route to { $destination } cannot target local: only the local route of a VPC CIDR does, and AWS creates it
    [edit_replace_local] { $destination } is not a VPC CIDR, so its route cannot target local
   *[local] { $table }'s route to { $destination } targets local; the local route is derived from the VPC's CIDR blocks and never written in a scenario (to send VPC traffic through an appliance, write a route to the VPC CIDR with a NatGateway, NetworkInterface or GatewayLoadBalancerEndpoint target)
}
diag-invalid_local_route_target = { $table }'s route to { $destination } (a VPC CIDR) targets { $target }; the local route's target can only be replaced with a NAT gateway, a network interface or a Gateway Load Balancer endpoint
diag-route_inside_vpc_not_subnet = { $table }'s route to { $destination } is more specific than the local route for { $vpc_cidr } but is not the CIDR of a subnet; a route more specific than the local route must match a subnet's entire CIDR block
diag-invalid_subnet_route_target = { $table }'s route to { $destination } ({ $subnet }) targets { $target }; a route more specific than the local route must target a NAT gateway, a network interface or a Gateway Load Balancer endpoint
diag-cross_region_unsupported = { $endpoint } is an interface endpoint for { $service } in { $region }, but { $service } is not reachable across Regions through AWS PrivateLink; cross-Region services: { $supported }
diag-prefix_list_unmanaged = { $table } routes to pl-{ $service }, but AWS manages no prefix list for { $service }: only services with gateway endpoints (S3, DynamoDB, and S3 Express One Zone when the scenario opts into s3express) have one
diag-prefix_list_empty = { $table }'s route to pl-{ $service } would match nothing: { $service } has no CIDRs in { $region } (give it `cidrs` under `services`)
diag-service_cidr_inside_vpc = { $service }'s CIDR { $cidr } lies inside the VPC CIDR { $vpc_cidr }; AWS ignores a prefix-list entry more specific than a VPC CIDR in subnet route tables, and those addresses are routed as VPC addresses

## Addresses

reserved-broadcast = as the broadcast address
reserved-network = as the network address
reserved-router = for the VPC router
reserved-dns = for the Amazon DNS server
reserved-future = for future use
diag-ip_outside_subnet = { $owner }'s address { $ip } is not in its subnet { $subnet } ({ $cidr }); a private IPv4 address must come from the subnet's CIDR block
diag-ip_reserved = { $owner }'s address { $ip } is reserved by AWS in { $subnet } ({ $cidr }) { $use }; AWS reserves the first four and the last address of every subnet
diag-ip_in_use = { $owner }'s address { $ip } is already used by { $other }; a private IPv4 address belongs to one network interface
diag-subnet_out_of_addresses = { $subnet } ({ $cidr }) has { $usable } usable addresses but { $wanted } network interfaces in it; AWS reserves five addresses of every subnet and each interface takes one of the rest

## VPC Block Public Access

diag-bpa_exclusion_unknown_subnet = the Block Public Access exclusion { $exclusion } names { $subnet }, which is not a subnet of the VPC; an exclusion applies to the VPC or to one of its subnets
diag-bpa_exclusion_twice = { $resource } has two Block Public Access exclusions; the model keeps one exclusion per VPC or subnet (change its mode instead)

## NAT gateways

diag-nat_without_subnet = { $nat } is a zonal NAT gateway without a subnet; a zonal NAT gateway is created in one subnet (or set `availability_mode: regional`)
diag-regional_nat_with_subnet = { $nat } is a regional NAT gateway but names the subnet { $subnet }; a regional NAT gateway is created for the VPC, not in a subnet
diag-regional_nat_private = { $nat } is a regional NAT gateway with private connectivity; regional NAT gateways are public only (use a zonal NAT gateway for private NAT)
diag-regional_nat_without_igw = { $nat } is a regional NAT gateway, but { $vpc } has no internet gateway; a regional NAT gateway needs an internet gateway attached to the VPC
diag-public_nat_without_igw_route = { $nat } is a public NAT gateway in { $subnet }, whose route table { $table }{ $explicit ->
    [yes] {""}
   *[no] {" "}(the main table: { $subnet } has no explicit association)
} has { $has_igw ->
    [yes] no route to the internet gateway
   *[no] no route to an internet gateway, and { $vpc } has none
}; traffic leaving a NAT gateway is routed by its own subnet's table, so this one cannot reach the internet

## Ingress routing and Gateway Load Balancers

diag-unknown_gateway = { $table } is associated with the gateway { $gateway }, which is not the VPC's internet gateway{ $has_igw ->
    [yes] {" "}({ $igw })
   *[no] {""}
}
diag-duplicate_gateway_association = { $case ->
    [edit] { $gateway } is already associated with { $other }; disassociate it first
   *[tables] { $table } and { $other } are both associated with { $gateway }; a gateway is associated with at most one route table
}
diag-main_table_edge_association = { $table } is the main route table; AWS does not associate the main route table with a gateway
diag-edge_route_invalid = { $table } is an edge route table (associated with { $gateways }); its route { $destination } → { $target } is not allowed: a gateway route table only sends the VPC CIDR or a subnet CIDR to a network interface or a Gateway Load Balancer endpoint
diag-unknown_gwlb_endpoint = { $gwlb } lists the endpoint { $endpoint }, which is not a GWLB endpoint of the VPC
diag-gwlb_endpoint_two_load_balancers = { $endpoint } is listed by both { $other } and { $gwlb }; a GWLB endpoint connects to one endpoint service, so one Gateway Load Balancer
diag-duplicate_appliance_az = { $gwlb } lists the appliances of { $az } twice

## Endpoints

diag-unknown_service = { $case ->
    [route] { $table }'s route to pl-{ $service } names the service { $service }, which is not in the catalogue (add it under `services` with its CIDRs)
    [expect] `to: { $to }` is not a service of the catalogue or the scenario, SERVICE@REGION, a known global name, an IPv4 address or CIDR, workload:NAME, or a directory bucket (NAME--AZID--x-s3)
    [workload] the workload { $workload } needs { $service }, which is not a service of the catalogue or the scenario
    [gateway_endpoint] { $endpoint } is for the service { $service }, which is not in the catalogue; gateway endpoints exist only for Amazon S3 (s3), DynamoDB (dynamodb) and S3 Express One Zone (s3express, which a scenario opts into with services: [(name: "s3express")])
   *[interface_endpoint] { $endpoint } is for the service { $service }, which is not in the catalogue (add it under `services`)
}
diag-gateway_endpoint_service = { $endpoint } is a gateway endpoint for { $service }, which offers no gateway endpoint; gateway endpoints exist only for Amazon S3 (s3), DynamoDB (dynamodb) and S3 Express One Zone (s3express); use an interface endpoint instead
diag-gateway_endpoint_without_ranges = { $endpoint }'s prefix list is empty: the catalogue has no { $service } ranges for { $region }, so its route matches nothing (give the service `cidrs` under `services`)
diag-unknown_route_table = { $endpoint } lists the route table { $table }, which is not in the VPC
diag-duplicate_gateway_endpoint_route = { $case ->
    [twice] { $endpoint } lists the route table { $table } twice
    [edit_attached] { $endpoint } is already attached to { $table }
    [edit_other_endpoint] { $table } already has a route to { $destination } from gateway endpoint { $other }; a route table takes one gateway endpoint per service
   *[other_endpoint] { $table } already has a route to pl-{ $service } from the gateway endpoint { $other }, so { $endpoint } cannot be attached to it; a route table can hold only one gateway endpoint route per service
}
diag-gateway_endpoint_dns_hostnames_off = { $vpc } has enable_dns_hostnames off while it has gateway endpoints ({ $endpoints }); AWS documents that with the Amazon DNS server both enableDnsSupport and enableDnsHostnames must be on for gateway endpoints
diag-interface_endpoint_service = { $endpoint } is an interface endpoint for { $service }, which offers no interface endpoint
diag-interface_endpoint_without_subnets = { $endpoint } has no subnets, so it has no network interface and nothing can reach it; choose a subnet in each AZ that needs it
diag-endpoint_subnets_same_az = { $case ->
    [twice] { $endpoint } lists { $subnet } twice; an interface endpoint takes at most one subnet per Availability Zone
    [edit_twice] { $endpoint } already has a network interface in { $subnet }
    [edit_other_subnet] { $endpoint } already has a subnet in { $az } ({ $other }); an interface endpoint takes at most one subnet per AZ
   *[other_subnet] { $endpoint } already has a subnet in { $az } ({ $other }), so it cannot also use { $subnet }; an interface endpoint takes at most one subnet per Availability Zone
}
diag-private_dns_unsupported = { $endpoint } has private DNS on, but interface endpoints for { $description } ({ $service }) do not support private DNS; set `private_dns: false` on the endpoint (it defaults to true) and have clients use the endpoint's own vpce-… DNS name
diag-private_dns_conflict = { $endpoint } and { $other } are both interface endpoints for { $service } with private DNS on; AWS refuses the second because the VPC already has a private hosted zone for the service's name (turn private DNS off on one of them)
diag-private_dns_vpc_attributes_off = { $endpoint } has private DNS on, but { $vpc }'s { $off ->
    [both] enable_dns_support and enable_dns_hostnames are
    [support] enable_dns_support is
   *[hostnames] enable_dns_hostnames is
} off; private DNS needs both VPC attributes on, so the service's default name resolves to its public addresses
diag-inbound_resolver_option_unsupported = { $endpoint } sets private_dns_only_for_inbound_resolver_endpoint, which AWS offers only for services that have both gateway and interface endpoints (S3), not for { $service }
diag-inbound_resolver_option_needs_private_dns = { $endpoint } sets private_dns_only_for_inbound_resolver_endpoint with private DNS off; the option narrows private DNS, so it needs private DNS on
diag-inbound_resolver_option_without_gateway_endpoint = { $endpoint } sets private_dns_only_for_inbound_resolver_endpoint but the VPC has no gateway endpoint for { $service }; AWS requires one, since DNS inside the VPC then answers the service's public addresses

## What a scenario asks of the evaluator

diag-unknown_instance = `from: { $from }` is neither the id nor the name of an instance, a subnet id, nor an address inside a subnet
diag-ambiguous_instance = { $count } instances are named { $name }; use an instance id in `from`
diag-invalid_verdict = the verdict { $verdict } is not one of { $known }
diag-invalid_cross_az = cross_az { $cross_az } is not one of { $known }
diag-invalid_source = the source { $source } is not an https URL; an expectation cites the AWS page that justifies it
diag-empty_workload = the workload { $workload } names no service

## Edits that name something missing, or that AWS refuses

diag-not_found = no { $kind } { $id }; { $count ->
    [0] the scenario has no { $kinds }
   *[other] { $kinds }: { $known }{ $more ->
        [0] {""}
       *[other] , … ({ $more } more)
    }
}
diag-no_internet_gateway = no internet gateway { $id }; { $has_igw ->
    [yes] the VPC's internet gateway is { $igw }
   *[no] the VPC has no internet gateway
}
diag-no_route = { $table } has no route to { $destination }; its routes: { $routes }{ $more ->
    [0] {""}
   *[other] , … ({ $more } more)
}
diag-no_endpoint_subnet = { $endpoint } has no network interface in { $subnet }; { $count ->
    [0] it has no subnets
   *[other] its subnets: { $subnets }{ $more ->
        [0] {""}
       *[other] , … ({ $more } more)
    }
}
diag-not_attached = { $endpoint } is not attached to { $table }; it is attached to { $count ->
    [0] no route tables
   *[other] { $tables }{ $more ->
        [0] {""}
       *[other] , … ({ $more } more)
    }
}
diag-not_associated = { $table } is not associated with { $gateway }
diag-no_appliances = { $gwlb } has no appliances in { $az }
diag-az_already_failed = AZ { $az } has already failed{ $listed_otherwise ->
    [yes] {" "}(listed as { $listed })
   *[no] {""}
}
diag-az_not_failed = AZ { $az } has not failed
diag-gateway_endpoint_route_managed = the route to { $destination } in { $table } belongs to gateway endpoint { $endpoint }; change { $endpoint }'s route tables instead
diag-local_route_not_deletable = the local route cannot be deleted: { $table } always routes { $destination } inside the VPC (its target can be replaced)

## Security groups and network ACLs (aws-semantics.md §5b)

what-rule-cidr = the rule's CIDR
diag-unknown_security_group = { $case ->
    [attached] { $id } names the security group { $group }, which is not a security group of the VPC (known: { $known })
   *[rule] { $group } { $direction } rule { $index } refers to the security group { $id }, which is not a security group of the VPC (known: { $known }); a rule may refer only to a group AWS can find
}
diag-too_many_association_security_groups = the service network VPC association { $id } has { $count } security groups; VPC Lattice allows at most { $max } per association (a quota that cannot be raised)
diag-too_many_security_groups = { $id } has { $count } security groups; AWS allows at most { $max } security groups per network interface (the default quota)
diag-too_many_security_group_rules = { $group } has { $count } { $direction } rules; AWS allows { $max } inbound and { $max } outbound rules per security group (the default quota)
diag-unknown_rule_prefix_list = { $group } { $direction } rule { $index } refers to { $prefix_list }, but AWS publishes no managed prefix list for that service (only S3 and DynamoDB have one)
diag-bad_port_range = { $id } { $direction } rule { $rule }: the port range { $from }-{ $to } is not valid for { $protocol }; ports are set only for tcp and udp, the first not above the last
diag-multiple_default_network_acls = { $acls } are all marked default; a VPC has exactly one default network ACL
diag-subnet_multiple_network_acls = { $subnet } is associated with both { $first } and { $second }; a subnet is associated with exactly one network ACL at a time
diag-network_acl_rule_number = { $acl } { $direction } rule number { $number } is out of range; AWS accepts rule numbers from 1 to 32766 (32767 is the final `*` rule)
diag-network_acl_rule_number_duplicate = { $acl } has two { $direction } rules numbered { $number }; each direction's rules have unique numbers
diag-too_many_network_acl_rules = { $acl } has { $count } { $direction } rules; a network ACL can have at most { $max } rules per direction
diag-network_acl_rules_over_default_quota = { $acl } has { $count } { $direction } rules; the default quota is { $max } per direction (it can be raised to 40), and more rules add latency
diag-bad_ephemeral_ports = the ephemeral port range { $from }-{ $to } is not valid; give the first and the last port a client may pick, from 1 to 65535
diag-no_such_rule = { $id } has no rule { $rule }
diag-group_already_attached = { $group } is already attached to { $id }
diag-group_not_attached = { $group } is not attached to { $id }
diag-last_security_group = { $group } is { $id }'s only security group; AWS requires a network interface to keep at least one (attach another first)
diag-policy_invalid = { $case ->
    [json] the policy of { $id } is not valid JSON (line { $line }, column { $column }): AWS accepts only a JSON policy document
    [no_statement] the policy of { $id } has no Statement: a policy document holds one statement or a list of them
   *[statement] the policy of { $id }: statement { $index } needs a valid { $element } (Effect Allow or Deny; a Principal, required in endpoint and bucket policies; exactly one of Action and NotAction; a Resource)
}
diag-policy_too_long = the policy of { $id } has { $count } characters; AWS allows at most { $max }
diag-invalid_bucket_name = { $bucket } is not a valid S3 bucket name: 3 to 63 lowercase letters, digits, dots and hyphens, beginning and ending with a letter or digit
diag-duplicate_bucket = the bucket { $bucket } is listed twice: bucket names are unique
diag-elastic_ip_on_private_nat = { $nat } is a private NAT gateway and has an Elastic IP: only a public NAT gateway has one
diag-dhcp_server_invalid = the DHCP options set { $options } lists { $server } as a DNS server; domain-name-servers takes IPv4 addresses or AmazonProvidedDNS
diag-hosted_zone_twice = the private hosted zone { $zone } has the name { $name } of another zone of the VPC; Route 53 refuses a second zone of the same name for one VPC (ConflictingDomainExists)
diag-hosted_zone_record_outside = the private hosted zone { $zone } ({ $name }) has a record for { $record }, which is not in the zone; a record's name must be the zone's name or a name under it
diag-hosted_zone_alias_unknown_endpoint = the record { $record } of the private hosted zone { $zone } is an alias to { $endpoint }, which is not an interface endpoint of the scenario; name an endpoint of this VPC, or write the alias's DNS name with Alias("…") if the endpoint is in another VPC
diag-hosted_zone_conflicts_private_dns = the private hosted zone { $zone } is for { $name }, the name that private DNS of { $endpoint } answers; AWS refuses the two together (private DNS is itself a private hosted zone for that name): turn private DNS off on { $endpoint } to answer the name from your own zone
diag-ipv6_subnet_size = { $subnet } has the IPv6 block { $cidr }; a subnet's IPv6 block is /44 to /64, in steps of 4 (most subnets take a /64 of the VPC's /56)
diag-ipv6_subnet_outside_vpc = { $vpc_has_ipv6 ->
    [true] { $subnet }'s IPv6 block { $cidr } is not inside an IPv6 block of { $vpc }; a subnet's IPv6 block is carved from the VPC's
   *[false] { $subnet } has the IPv6 block { $cidr } but { $vpc } has no IPv6 block; associate one with the VPC first (ipv6_cidrs)
}
diag-ipv6_subnet_overlap = { $subnet }'s IPv6 block { $cidr } overlaps the one of { $other }; subnets' blocks do not overlap
diag-ipv6_only_without_block = { $subnet } is IPv6-only but has no IPv6 block; an IPv6-only subnet needs one (ipv6_cidr)
diag-dns64_without_ipv6 = { $subnet } has DNS64 on but no IPv6 block: DNS64 answers IPv6 clients, and the subnet has none, so it changes nothing
diag-egress_only_ipv4_route = { $table } routes { $destination } to { $target }, an egress-only internet gateway; it carries IPv6 only, so it takes IPv6 routes (ipv6_routes) only
diag-ipv6_route_without_vpc_block = { $table } has the IPv6 route { $destination } → { $target } but { $vpc } has no IPv6 block; associate one with the VPC first
diag-ipv6_route_twice = { $table } has two IPv6 routes for { $destination }; a table holds one route per destination
diag-ipv6_route_target_unknown = { $table }'s IPv6 route { $destination } → { $target } names no target the VPC has (an egress-only internet gateway of egress_only_internet_gateways, the VPC's internet gateway, a NAT gateway, a network interface, a GWLB endpoint; local and gateway endpoints are derived)
diag-ipv6_address_outside_subnet = { $has_block ->
    [true] { $instance }'s IPv6 address { $address } is not in { $subnet }'s IPv6 block { $cidr }
   *[false] { $instance } has the IPv6 address { $address } but { $subnet } has no IPv6 block
}
diag-subnet_without_ipv4_cidr = { $subnet } has no IPv4 block (cidr); only an IPv6-only subnet (ipv6_only: true, with an ipv6_cidr) may go without one
diag-ipv4_without_subnet_block = { $owner } needs an IPv4 address from { $subnet }, which has no IPv4 block (an IPv6-only subnet): place it in a subnet with an IPv4 block (cidr)
diag-ipv4_in_ipv6_only_subnet = { $instance } has an IPv4 address but { $subnet } is IPv6-only: its interfaces get IPv6 addresses only
diag-endpoint_ip_type_subnet = { $endpoint } has the IP address type { $type }, which { $subnet } cannot give: ipv4 needs subnets with IPv4 ranges, dualstack subnets with both IPv4 and IPv6 ranges, ipv6 IPv6-only subnets
diag-endpoint_ipv6_address = { $endpoint }'s network interface in { $subnet } has the IPv6 address { $address }, outside the subnet's IPv6 block (or the endpoint's IP address type has no IPv6)
diag-endpoint_dns_record_type = { $endpoint } has the DNS record IP type { $records } with the IP address type { $type }: ipv4 records need an ipv4 or dualstack endpoint, ipv6 records an ipv6 or dualstack one, dualstack and service-defined records a dualstack one
diag-invalid_family = family { $family } is not one of { $known }
diag-ipv6_route_target_deleted = { $table }'s IPv6 route { $destination } → { $target } names a target the scenario no longer has; AWS shows such a route as a blackhole, and so does the model

# The topology panel: a subnet box shows the first instances, then how many more it holds.
topology-more-instances = { $more ->
    [one] 1 more instance
   *[other] { $more } more instances
}
