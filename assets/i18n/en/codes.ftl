# Words for the evaluator's codes (src/explain/codes.rs). The codes themselves (no_route,
# gateway_endpoint, …) stay as they are in every language.

## What a reason code means

reason-no_route = the route table has no route for the destination
reason-blackhole_route = the matching route is a blackhole (set so, or its target no longer exists)
reason-no_public_ip = the route goes to the internet gateway but the source has no public IPv4 address
reason-no_internet_gateway = the path needs an internet gateway: a regional NAT gateway in a VPC without one, or a public NAT gateway whose subnet has no route to one
reason-nat_az_failed = the NAT gateway the route uses is in a failed AZ
reason-private_nat_no_internet = a private NAT gateway cannot reach the internet: the internet gateway drops its traffic
reason-endpoint_enis_all_failed = every network interface of the interface endpoint is in a failed AZ
reason-gwlb_endpoint_failed = the Gateway Load Balancer endpoint's AZ has failed or its appliances are down
reason-appliance_unavailable = the appliance network interface the route targets is in a failed AZ
reason-dns_resolution_disabled = enableDnsSupport is off: the Amazon-provided DNS server answers no name
reason-routing_loop = the path returns to a route table and target it already passed
reason-source_az_failed = the source's AZ has failed (the verdict is unavailable)
reason-destination_unavailable = the destination address is in a failed AZ, or in no subnet of the VPC
reason-workload_part_failed = a workload needs every one of its services, and at least one is not reachable
reason-asymmetric_return = replies do not come back through the GWLB endpoint the request passed, and the appliances are stateful
reason-security_group_egress = no outbound rule of the sending interface's security groups (the source's, or an appliance's for what it forwards) allows the traffic (security groups allow only what a rule names)
reason-security_group_ingress = no inbound rule of the receiving interface's security groups allows the traffic (an interface endpoint's group must allow HTTPS 443 from the clients)
reason-network_acl_outbound = the network ACL of the subnet the traffic leaves denies it
reason-network_acl_inbound = the network ACL of the subnet the traffic enters denies it
reason-network_acl_reply = a network ACL denies the reply: network ACLs are stateless, so the reply to the client's ephemeral ports needs its own rule
reason-source_dest_check = the route sends traffic through an appliance network interface whose source/destination check is on: it drops traffic that is neither from it nor to it
reason-endpoint_policy_denied = the VPC endpoint's policy denies the request: a statement denies it, or none allows it (an endpoint policy allows only what it names)
reason-bucket_policy_denied = the S3 bucket's policy explicitly denies the request (through a VPC endpoint aws:SourceIp is absent, so a condition on it never matches private traffic)
reason-policy_not_evaluable = a policy's decision rests on something vpc-tui does not evaluate (another condition key or operator, NotPrincipal, a public address the model lacks): it is reported, never guessed
reason-block_public_access = VPC Block Public Access blocks the traffic at the internet gateway: the subnet it comes from has no exclusion (in ingress-only mode, only NAT gateways' traffic passes)
reason-block_public_access_nat_subnet = VPC Block Public Access blocks a NAT gateway's traffic at the internet gateway: the NAT gateway's subnet has no exclusion (the source subnet's exclusion does not count)
reason-block_public_access_not_modelled = VPC Block Public Access applies here in a way AWS's pages do not describe (an allow-egress exclusion in ingress-only mode, a subnet and its VPC excluded with different modes, a GWLB endpoint on the path, a regional NAT gateway): reported as not modelled, never guessed
reason-dns_name_not_found = a private hosted zone associated with the VPC matches the name but has no record for it: the Resolver answers NXDOMAIN and does not ask public DNS
reason-dns_answer_outside_model = the answer for the name comes from outside the model (DNS servers of the DHCP options set, a Resolver forward rule's target resolvers, or a record for something the model does not hold): reported as not modelled, never guessed
reason-no_ipv6_address = the query is IPv6 but the source has no IPv6 address (its subnet has no IPv6 block, or the instance was given none)
reason-no_ipv4_address = the query is IPv4 but the source is in an IPv6-only subnet: it has no IPv4 address
reason-no_aaaa_record = the name has no AAAA record (an IPv4-only name, or an endpoint whose DNS records are IPv4 only) and DNS64 does not synthesize one
reason-endpoint_no_ipv4 = the interface endpoint has no IPv4 address (its ENIs are all in IPv6-only subnets): an IPv4 query finds no A record
reason-endpoint_no_ipv6 = the interface endpoint has no IPv6 address (IP address type ipv4): an IPv6 client cannot use it
reason-no_ipv6_route = no IPv6 route matches the destination (the table has no ::/0, the VPC has no IPv6 block, or a synthesized 64:ff9b:: address goes to the internet instead of a NAT gateway)
reason-ipv6_not_modelled = the IPv6 path meets something AWS's pages (as read) or the model leave open (a gateway endpoint's IPv6 prefix list, IPv6 to a NAT gateway outside 64:ff9b::/96, an appliance, a dual-stack endpoint without a DNS record IP type, DNS the model does not follow): reported, never guessed
reason-directory_bucket_without_gateway_endpoint = the path to the S3 Express One Zone directory bucket does not go through an s3express gateway endpoint; AWS's pages describe access through one only, so what this way gets is not modelled
reason-directory_bucket_az_failed = the S3 Express One Zone directory bucket's Availability Zone has failed: the bucket lives in that one zone, so no path reaches it
reason-lattice_port_not_offered = the resource configuration behind the resource or service-network endpoint does not offer the port (its port ranges are TCP)
reason-walk_limit = the walk took more steps than the model has routes and was stopped (a guard that should never fire)

## What a note code means

note-meaning-private_dns_off = an interface endpoint exists but its private DNS is off: the default name resolves to public addresses
note-meaning-private_dns_unsupported = the service's interface endpoint has no private DNS (DynamoDB): clients must use the vpce-… name
note-meaning-dns_hostnames_off = enableDnsHostnames is off: private DNS of interface endpoints does not apply, and AWS documents both attributes on for gateway endpoints
note-meaning-inbound_resolver_only = private DNS only for the inbound Resolver endpoint: inside the VPC the name resolves to public addresses
note-meaning-arbitrary_prefix_list_choice = two prefix lists with overlapping CIDRs point to different targets: AWS picks one at random and keeps it
note-meaning-failed_az_enis_dropped = ENIs in failed AZs drop out of the DNS answer
note-meaning-illustrative_cidrs = AWS publishes no ranges for this service: its CIDRs are illustrative
note-meaning-ignored_prefix_list_entries = prefix-list entries inside a VPC CIDR are ignored in subnet route tables
note-meaning-cross_az_dependency = the path depends on a resource in another AZ
note-meaning-other_region = the service is in another Region: this Region's endpoints do not cover it, so it takes the other routes
note-meaning-global_name_not_covered = a global name (s3.amazonaws.com, sts.amazonaws.com) is not covered by a Regional endpoint's private DNS
note-meaning-asymmetric_return_stateless = replies skip the GWLB endpoint the request passed; stateless appliances let the flow through
note-meaning-return_not_evaluated = the return leg through a GWLB endpoint could not be evaluated (regional NAT gateway)
note-meaning-public_endpoint_stays_on_aws = traffic to a service's public endpoint through an internet gateway stays on AWS's network
note-meaning-policy_limits_requests = an endpoint or bucket policy allows only some of the requests the query stands for: ask about one with --action and --resource
note-meaning-block_public_access_allowed = VPC Block Public Access is on but lets this traffic through the internet gateway: an exclusion covers the subnet, or ingress-only mode lets a NAT gateway's traffic out
note-meaning-egress_only_no_inbound = the path leaves through an egress-only internet gateway: replies come back, but the internet cannot start a connection to the source
note-meaning-ipv6_layers_not_evaluated = the network ACL of NAT64's NAT gateway subnet is not evaluated (IPv6 in, IPv4 out): the verdict does not include it
note-meaning-ipv6_service_ranges_unknown = the service's IPv6 addresses are not in the catalogue: the route shown is the one for any public IPv6 address
note-meaning-family_chosen = --family auto chose IPv4 or IPv6 from the client's addresses and the DNS answer (RFC 6724 prefers IPv6 when both work)
note-meaning-directory_bucket_other_az = the S3 Express One Zone directory bucket is in another AZ than the source: the path depends on that AZ and loses the low latency of co-location
note-meaning-directory_bucket_zone_unknown = the directory bucket's zone (AZ ID) is none of the scenario's AZs: its failure cannot be tried
note-meaning-lattice_beyond_model = past a resource or service-network endpoint, or the VPC's service network association, the path is outside the model (resource gateway, provider side, auth policies): reachable means the endpoint's far side, no more
note-meaning-lattice_association_unchecked = the path goes through the VPC's service network association: its security groups and the client subnet's network ACL toward VPC Lattice's prefix list apply but are not evaluated (not modelled)
note-meaning-lattice_own_port = no traffic was chosen and the target is a VPC Lattice resource whose port ranges leave out TCP 443: the path asks about the first port it offers instead (chosen traffic is asked as chosen)

## How a path gets there

via-local = local route
via-gateway_endpoint = gateway endpoint
via-interface_endpoint = interface endpoint
via-resource_endpoint = resource endpoint
via-service_network_endpoint = service-network endpoint
via-service_network_association = service network VPC association
via-nat_gateway = NAT gateway
via-internet_gateway = internet gateway
via-egress_only_internet_gateway = egress-only internet gateway
via-mixed = a different way per part
cross-az-never = stays in the client's AZ
cross-az-sometimes = sometimes to another AZ
cross-az-always = always to another AZ

## Hop kinds

hop-kind-source = source
hop-kind-dns = DNS
hop-kind-route_table = route table
hop-kind-gateway_endpoint = gateway endpoint
hop-kind-interface_endpoint = interface endpoint
hop-kind-nat_gateway = NAT gateway
hop-kind-gwlb_endpoint = GWLB endpoint
hop-kind-inspection = inspection
hop-kind-network_interface = network interface
hop-kind-internet_gateway = internet gateway
hop-kind-service = service
hop-kind-leaves_vpc = leaves the VPC
hop-kind-address = address
hop-kind-internet = internet
hop-kind-return = way back
hop-kind-blocked = blocked
hop-kind-security_group = security group
hop-kind-network_acl = network ACL
hop-kind-endpoint_policy = endpoint policy
hop-kind-bucket_policy = bucket policy

## Layers not evaluated

unchecked-security_groups = security groups
unchecked-network_acls = network ACLs
unchecked-source_dest_check = source/destination check
unchecked-endpoint_policies = endpoint policies

## Route rules and origins, as labels

rule-label-only_match = the only matching route
rule-label-longest_prefix = longest prefix match
rule-label-static_over_prefix_list = equal length: a static route beats a prefix list
rule-label-arbitrary_prefix_list = overlapping prefix lists: AWS picks one
rule-label-no_route = no route matches
origin-local = local route
origin-static = static route
origin-prefix_list = prefix list
origin-gateway_endpoint = gateway endpoint

## Verdicts

verdict-line-reachable = REACHABLE via { $via }
verdict-line-reachable-cross = REACHABLE via { $via } (cross-AZ: { $cross })
verdict-line-partial = PARTIAL
verdict-line-blocked = BLOCKED ({ $reason })
verdict-line-leaves = LEAVES VPC via { $target }
verdict-line-unavailable = UNAVAILABLE ({ $reason })
verdict-line-not-modelled = NOT MODELLED ({ $reason })
verdict-words-reachable = reachable via { $via }
verdict-words-partial = partial
verdict-words-blocked = blocked ({ $reason })
verdict-words-leaves = leaves the VPC via { $target }
verdict-words-unavailable = unavailable ({ $reason })
verdict-words-not-modelled = not modelled ({ $reason })

## A query that names something the model does not have

query-unknown-instance = no instance { $name }; instances: { $known }
query-unknown-service = no service { $name }; services: { $known }
query-unknown-subnet = no subnet { $name }; subnets: { $known }
query-address-outside = { $name } is in no subnet of the VPC; subnets: { $known }
query-unknown-region = the catalogue has no addresses for { $name } in { $region }; Regions known for it: { $known }
query-unknown-name = { $name } is not a name the catalogue knows; global names: { $known }
query-unknown-workload = no workload { $name }; workloads: { $known }
query-bad-directory-bucket = { $name } ends like an S3 Express One Zone directory bucket but is not base-name--zoneid--x-s3 (for example logs--use1-az4--x-s3)
