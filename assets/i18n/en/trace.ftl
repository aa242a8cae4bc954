# Sentences about a path, rendered from the evaluator's facts (src/explain/trace.rs).
# Ids, codes, CIDRs and service names are passed in as variables and stay as they are.

## Shared pieces

list-sep = ,{" "}
then-sep = , then{" "}
az-with-id = { $name } ({ $zone })
resolver = the Amazon-provided DNS server ({ $address })
resolver-unknown = the Amazon-provided DNS server
ranges-more = { $list }, … ({ $total } ranges)
ranges-none = no public address in this Region
ranges-illustrative = { $ranges }; illustrative
addresses-count = { $count } addresses ({ $first }, …)
ranges-count = { $count } ranges ({ $first }, …)
routed-service = { $name } ({ $cidr })
routed-eni = the endpoint ENI { $ip }
route = { $destination } → { $target }
routes-more = { $routes }, … and { $more } more
eni-in = { $ip } in { $az }
eni-az = { $ip } ({ $az })

## Who sends

who-instance = { $id } ({ $name })
who-new-instance = a new instance in { $subnet }
who-new-instance-public = a new instance with a public IPv4 in { $subnet }
who-address-instance = { $address } ({ $instance })
who-new-instance-here = a new instance

## Hops

hop-source = { $who } in { $subnet } ({ $cidr }), { $az }; { $public ->
    [yes] has a public IPv4 address
   *[no] no public IPv4 address
}
dns-enis = { $name } asked; { $resolver } answers with the private IPs of { $endpoint }'s ENIs (private DNS on): { $enis }
dns-lattice = { $name } asked; { $resolver } answers a VPC Lattice link-local address (in the managed prefix list { $prefix_list }): the VPC is associated with the service network ({ $association }), so no route table entry or network interface in the VPC is involved
dns-public = { $name } asked; { $resolver } answers the public addresses of { $service } ({ $ranges })
dns-public-because = { $answer }, because { $why }
dns-enis-zone = { $name } asked; { $resolver } answers from the private hosted zone { $zone }: the record { $record } names { $endpoint }, whose ENIs' private IPs it returns: { $enis }
dns-zone = { $zone } ({ $zone_name })
stop-dns_name_not_found = { $name } asked; the private hosted zone { $zone } ({ $zone_name }) is associated with the VPC and has no record for the name, so the Resolver answers NXDOMAIN (it does not fall back to public DNS)
dns-outside-custom_servers = { $name } asked; the DHCP options set { $options } gives instances the DNS servers { $servers }{ $amazon ->
    [yes] {" "}as well as AmazonProvidedDNS, and which one a client asks is its own choice
   *[no] {""}, not the Amazon-provided resolver, so private hosted zones and private DNS do not answer
}: the answer is outside the model (not modelled)
dns-outside-forwarded = { $name } asked; the Resolver rule { $rule } forwards { $domain } to { $targets }, resolvers outside the VPC: their answer is outside the model (not modelled)
dns-outside-record-addresses = { $name } asked; the private hosted zone { $zone } answers { $ips }, addresses of no interface endpoint in the model: where they lead is not modelled
dns-outside-record-alias = { $name } asked; the private hosted zone { $zone } answers with an alias to { $target }, outside the model (for example an endpoint in a shared VPC): not modelled
dns-outside-record-cname = { $name } asked; the private hosted zone { $zone } answers with a CNAME to { $target }, a name the model does not follow: not modelled
dns-outside-record-wildcard = { $name } asked; the private hosted zone { $zone } has no record for the name but a wildcard record that may answer it: wildcard matching is not modelled
dns-outside-record-other_service = { $name } asked; the private hosted zone { $zone } answers with { $endpoint }, an interface endpoint for { $service }, not for the name asked: not modelled
dns-outside-zone_without_hostnames = { $name } asked; the private hosted zone { $zone } matches, but enableDnsHostnames is off on { $vpc }: AWS requires it for private hosted zones and does not say what the Resolver answers without it (not modelled)
dns-outside-lattice_association_and_endpoint = { $name } asked; both the VPC's service network association { $association } and the endpoint { $endpoint } serve it, and AWS's pages read do not say which answer a client gets: not modelled
dns-outside-zone_records_unknown = { $name } asked; the private hosted zone { $zone } ({ $zone_name }) matches, but the model does not hold all its records (records_unknown: for example imported without its list-resource-record-sets output) and none it holds is for the name: whether the zone answers it or returns NXDOMAIN is not known (not modelled)
dns-outside-lattice_without_private_dns = { $name } asked; { $endpoint } serves it, but its private DNS is off (or a VPC DNS attribute is): clients must use the endpoint's own DNS names, and what { $name } resolves to without it is outside the model (not modelled)
why-private-dns-off = { $endpoint }'s private DNS is off
why-private-dns-unsupported = interface endpoints of this service ({ $endpoint }) have no private DNS
why-dns-hostnames-off = enableDnsHostnames is off and { $endpoint }'s private DNS does not apply
why-inbound-resolver-only = { $endpoint } has private DNS only for the inbound Resolver endpoint
why-other-region = it is a name in { $region }, which no endpoint of this VPC ({ $home }) covers
why-global-name = it is a global name: it resolves to the service's addresses in { $region }
why-directory-bucket = it is the Zonal endpoint of a directory bucket in { $zone }: S3 Express One Zone is reached by its public addresses, which a gateway endpoint for s3express routes privately
assoc-explicit = { $subnet } is explicitly associated with { $table }
assoc-main = { $subnet } has no explicit association, so it uses the main table { $table }
assoc-forwarder = { $by } routes by its own subnet's table: { $subnet } uses { $table } ({ $main ->
    [yes] main table, implicit
   *[no] explicit association
})
decision = { $dest } → { $route } → { $target } ({ $rule })
decision-matched = { $route } ({ $cidr })
decision-also = { $decision }; also matched: { $others }
decision-none = no route matches { $dest }
rule-only_match = the only match
rule-longest_prefix = longest prefix /{ $len }
rule-static_over_prefix_list = a static route beats a prefix list at equal length
rule-arbitrary_prefix_list = AWS's choice between equal prefix lists is arbitrary
rule-no_route = no route
hop-gateway-endpoint = { $id }: gateway endpoint (regional; no ENI and no IP address; it is only a route target). { $service } sees the source's private address, so bucket policies use aws:VpcSourceIp
hop-interface-endpoint = { $id }: interface endpoint (AWS PrivateLink); the client picks among its ENIs { $enis }
hop-resource-endpoint-enis = { $id }: resource endpoint (VPC Lattice); the client picks among its ENIs { $enis }
hop-service-network-endpoint-enis = { $id }: service-network endpoint (VPC Lattice); the client picks among its ENIs { $enis }
hop-lattice = { $id }: { $kind ->
    [resource] resource endpoint: reaches the resource configuration { $arn } ({ $service }) through a resource gateway in the provider's VPC
    [vpc_association] service network VPC association: reaches { $service } through the service network { $arn }, with no network interface in this VPC
   *[service_network] service-network endpoint: reaches { $service } through the service network { $arn }
}{ $ports_known ->
    [yes] ; TCP ports offered: { $ports }
   *[no] {""}
}
hop-nat-zonal = { $id }: { $public ->
    [yes] public NAT gateway in { $subnet } ({ $az }); translates the source to its Elastic IP
   *[no] private NAT gateway in { $subnet } ({ $az }); translates the source to its private IP; it cannot reach the internet
}
hop-nat-regional = { $id }: regional { $public ->
    [yes] public
   *[no] private
} NAT gateway (spans the VPC's AZs, survives the loss of one); translates the source to its public address
hop-gwlb-endpoint = { $id }: Gateway Load Balancer endpoint in { $subnet } ({ $az })
hop-inspection = appliances of { $lb } inspect the traffic ({ $cross ->
    [yes] cross-zone load balancing on
   *[no] cross-zone load balancing off: this AZ's appliances only
}, { $stateful ->
    [yes] stateful
   *[no] stateless
}) and return it through { $id }
hop-inspection-unknown = appliances behind the Gateway Load Balancer inspect the traffic and return it through { $id }
hop-network-interface = { $id }: appliance network interface in { $subnet } ({ $az }); { $nat ->
    [yes] it has a public IPv4, so it forwards as a NAT instance
   *[no] it forwards the traffic unchanged
}
hop-internet-gateway = { $id }: internet gateway (regional)
hop-service = { $service } public endpoint { $dns }
hop-internet = { $address } on the internet
hop-address = { $address } in { $subnet } ({ $cidr }, { $az })
hop-address-held = { $address } in { $subnet } ({ $cidr }, { $az }); { $holder }
holder-instance = instance { $id }
holder-network-interface = network interface { $id }
holder-interface-endpoint = an ENI of { $id }
return-route = return leg: replies from { $from } to { $to }: { $table } sends { $route }, { $symmetric ->
    [yes] back through the appliances (symmetric)
   *[no] not through { $endpoint }; { $stateful ->
        [yes] the stateful appliances never see the reply and drop the flow
       *[no] the appliances are stateless, so the flow survives
    }
}
return-no-route = return leg: replies from { $from } to { $to }: { $table } has no route for them; { $stateful ->
    [yes] the stateful appliances never see the reply and drop the flow
   *[no] the appliances are stateless, so the flow survives
}
return-gateway-endpoint = return leg: the gateway endpoint { $from } delivers replies straight to { $to } by the local route, and no route table can send them back through { $endpoint }; { $stateful ->
    [yes] the stateful appliances never see the reply and drop the flow
   *[no] the appliances are stateless, so the flow survives
}
return-no-edge-table = return leg: { $from } has no edge route table (none is associated with it), so replies to { $to } enter by the local route and skip { $endpoint }; { $stateful ->
    [yes] the stateful appliances never see the reply and drop the flow
   *[no] the appliances are stateless, so the flow survives
}

## Where a path stops

stop-source_az_failed = { $source } is unavailable: its AZ { $az } has failed
stop-directory_bucket_without_gateway_endpoint = not modelled: the path to { $bucket } arrives { $via ->
    [partial] partly
   *[other] through { $via }
}, not through an s3express gateway endpoint; AWS's pages describe reaching directory buckets through a gateway endpoint only and do not say what a request this way gets
stop-directory_bucket_az_failed = { $bucket } is unavailable: it is an S3 Express One Zone directory bucket in { $az }, which has failed; the bucket is in that one zone, so every AZ loses it (the gateway endpoint is Regional and still up)
stop-lattice_port_not_offered = { $endpoint }'s resource configuration { $arn } offers TCP ports { $ranges } only: { $tcp ->
    [yes] port { $port } is not among them
   *[no] this traffic is not TCP
}
stop-dns_disabled = enableDnsSupport is off on { $vpc }: the Amazon-provided DNS server does not answer, so { $name } does not resolve
stop-endpoint_without_enis = { $by_zone ->
    [yes] the private hosted zone { $zone } answers { $name } with { $endpoint }, which has no subnet, so no ENI answers
   *[no] { $endpoint } has private DNS on but no subnet, so no ENI answers for { $name }
}
stop-endpoint_without_ipv4 = { $by_zone ->
    [yes] the private hosted zone { $zone } answers { $name } with { $endpoint }, whose ENIs are all in IPv6-only subnets: it has no IPv4 address, so an IPv4 query finds no A record
   *[no] { $endpoint }'s ENIs are all in IPv6-only subnets: it has no IPv4 address, so an IPv4 query for { $name } finds no A record (ask over IPv6)
}
stop-enis_all_failed = { $name } asked; { $by_zone ->
    [yes] the private hosted zone { $zone } names { $endpoint }, whose ENIs would answer
   *[no] private DNS of { $endpoint } would answer its ENIs
}, but every one is in a failed AZ ({ $enis })
stop-no_public_addresses = { $service } has no public addresses in { $region }; only an interface endpoint with private DNS would reach it
stop-no_route = no route for { $dest } in { $table }; its routes: { $routes }
stop-no_route-no-igw = no route for { $dest } in { $table }, the public NAT gateway's subnet table; its routes: { $routes }; { $igw ->
    [yes] it needs a route to the VPC's internet gateway
   *[no] it needs a route to an internet gateway, and the VPC has none
}
stop-only_local_route = { $dest } matches only the local route in { $table }: the service's range overlaps the VPC CIDR
stop-blackhole = { $route } in { $table }: the route is a blackhole, traffic is dropped
stop-target_missing = { $route } in { $table } is a blackhole: { $target } does not exist or is not attached to the VPC
stop-target_without_subnet = { $route } in { $table } is a blackhole: { $target } has no subnet
stop-private_address_to_internet = { $dest } is a private address; { $route } in { $table } cannot reach it
stop-no_public_ip = { $route } in { $table }, but the source has no public IPv4 address: the internet gateway drops its traffic
stop-private_nat_at_internet_gateway = { $route } in { $table }, but traffic from a private NAT gateway cannot use an internet gateway: it is dropped
stop-nat_az_failed = { $route } in { $table }, and { $nat }'s AZ { $az } has failed
stop-regional_nat_all_azs_failed = { $route } in { $table }, and every AZ of the regional NAT gateway { $nat } has failed
stop-regional_nat_without_internet_gateway = the regional NAT gateway { $nat } needs the VPC's internet gateway, and the VPC has none
stop-private_nat_no_internet = { $nat } is a private NAT gateway: it cannot reach the internet
stop-gwlb_endpoint_az_failed = { $route } in { $table }, and { $endpoint }'s AZ { $az } has failed
stop-appliances_down = { $route } in { $table }, but the appliances behind { $endpoint } are down: nothing inspects and returns the traffic
stop-no_healthy_appliance = { $route } in { $table }, but { $lb } has { $cross ->
    [yes] no healthy appliance in any healthy AZ
   *[no] no healthy appliance in { $az }, and cross-zone load balancing is off (AWS's default), so no other AZ's appliances take { $endpoint }'s traffic
}
stop-appliance_az_failed = { $route } in { $table }, and { $eni }'s AZ { $az } has failed
stop-routing_loop = routing loop: { $table } sends { $cidr } to { $target } again ({ $route })
stop-walk_limit = the walk reached { $table } after { $steps } steps, more than the model has routes: it was stopped there (please report this scenario)
stop-address_in_no_subnet = { $route } in { $table } delivers { $address } inside the VPC, but no subnet holds it
stop-address_az_failed = { $address } is in { $subnet } ({ $az }), and that AZ has failed
stop-leaves_vpc = { $route } in { $table }: { $target } leaves the VPC; what happens beyond it is outside the model

## Why a verdict (the summary line)

why-reach-interface = reaches { $to } through interface endpoint { $endpoint } ({ $count ->
    [one] one ENI
   *[other] { $count } ENIs
}; { $cross })
why-reach-resource = reaches { $to } through resource endpoint { $endpoint } ({ $count ->
    [one] one ENI
   *[other] { $count } ENIs
}; { $cross }); past the endpoint it is outside the model
why-reach-association = reaches { $to } through the VPC's service network association { $association } (VPC Lattice's link-local addresses, nothing zonal in this VPC); its security groups and past it are outside the model
why-reach-service-network = reaches { $to } through service-network endpoint { $endpoint } ({ $count ->
    [one] one ENI
   *[other] { $count } ENIs
}; { $cross }); past the endpoint it is outside the model
why-reach-through = reaches { $to } through { $hops }
why-reach-local = { $route } in { $table } delivers { $address } inside the VPC
through-gateway_endpoint = gateway endpoint { $id }
through-nat_gateway = NAT gateway { $id }
through-gwlb_endpoint = GWLB endpoint { $id }
through-network_interface = network interface { $id }
through-internet_gateway = internet gateway { $id }
through-egress_only_internet_gateway = egress-only internet gateway { $id }
why-partial = { $to } is partially reachable: its ranges take different paths: { $parts }
why-reachable-parts = every range of { $to } is reachable, by { $count } different paths: { $parts }
why-blocked-parts = no range of { $to } is reachable: { $parts }
partial-part = { $what } → { $outcome }
partial-rest = the rest ({ $count } CIDRs)
why-workload-reachable = every part of { $name } is reachable: { $each }
workload-part-via = { $to } via { $via }
why-workload-failed = { $name } needs every part: { $each }
why-workload-failed-some = { $name } needs every part: { $each }; reachable: { $ok }
workload-part-failed = { $to } is { $outcome } ({ $why })
part-sep = ;{" "}

## Notes on a path

note-private_dns_off = { $endpoint } exists but its private DNS is off: { $name } resolves to public addresses; only { $endpoint }'s own vpce-… DNS names reach it
note-private_dns_unsupported = { $service }'s interface endpoint has no private DNS: { $name } resolves publicly; applications must be configured with { $endpoint }'s vpce-… DNS name to use it
note-dns_hostnames_off = { $endpoint } has private DNS on, but enableDnsHostnames is off on { $vpc }: private DNS needs both attributes, so the default name resolves publicly
note-dns_hostnames_off-gateway = enableDnsHostnames is off on { $vpc }; AWS documents both DNS attributes on for gateway endpoints with the Amazon DNS server
note-inbound_resolver_only = { $endpoint } resolves privately only for queries through an inbound Resolver endpoint; inside the VPC the name resolves to public addresses and the route table decides
note-arbitrary_prefix_list_choice = in { $table }, two prefix lists hold { $cidr } with different targets: AWS picks one at random and keeps it; shown here: the first
note-failed_az_enis_dropped = ENIs of { $endpoint } in failed AZs drop out of the answer: { $enis }
note-illustrative_cidrs = AWS publishes no ranges for { $service }: the CIDRs shown are illustrative
note-ignored_prefix_list_entries = { $prefix_list } in { $table }: entries inside a VPC CIDR are ignored
note-cross_az_dependency = { $resource } is in { $az }: the path depends on that AZ and pays inter-AZ transfer
note-cross_az_dependency-enis = no ENI of { $resource } in the source's AZ: the path works but crosses AZs (inter-AZ transfer is billed) and depends on another AZ
note-other_region = { $service } in { $region } is not behind this VPC's endpoints: gateway endpoints and interface endpoints serve { $home } only, so its addresses take the other routes
note-global_name_not_covered = { $endpoint } has private DNS for { $regional }, but { $name } is a global name that Regional private DNS does not cover: it resolves to public addresses
note-asymmetric_return_stateless = replies skip { $endpoint }, which the request passed; its appliances are stateless, so the flow survives
note-return_not_evaluated = the return leg through the regional NAT gateway { $nat } to the GWLB endpoint is not modelled
note-public_endpoint_stays_on_aws = via internet gateway (public endpoint): traffic to AWS services stays on AWS's network
note-policy_limits_requests = { $kind ->
    [endpoint] the endpoint policy of { $owner } allows only some requests ({ $statement } decides)
   *[bucket] the bucket policy of { $owner } refuses some requests from here ({ $statement })
}: ask about one with --action and --resource

## Text output of `check`

text-part = part
text-notes = notes:
text-not-evaluated = not evaluated: { $layers }
matrix-instance = instance
matrix-legend = ok:gwe gateway endpoint · ok:vpce interface endpoint (~ sometimes, ! always cross-AZ) · ok:nat NAT gateway · ok:igw internet gateway · ok:local delivered inside the VPC · ok:mixed workload parts by different ways · PARTIAL ranges take different paths · X:<reason> blocked · ?:<reason> not modelled · leaves: leaves the VPC · down: source AZ failed
matrix-legend-lattice = ok:res resource endpoint · ok:sn service-network endpoint · ok:sna service network VPC association (~ sometimes, ! always cross-AZ; beyond them, outside the model)
matrix-family-ipv6 = Every cell asks over IPv6 (--family ipv6) · ok:eigw egress-only internet gateway.
matrix-family-auto = Every cell takes the IP version its client would use (--family auto); /6 marks the cells that took IPv6 · ok:eigw egress-only internet gateway.

## Security groups and network ACLs (aws-semantics.md §5b)

traffic-ports = { $protocol }/{ $ports }
traffic-protocol = { $protocol ->
    [all] all traffic
   *[other] { $protocol }
}
sg-rule = { $group } rule { $index }: { $traffic } { $direction ->
    [egress] to
   *[ingress] from
} { $peer }
acl-rule-item = { $acl } { $direction } { $number }: { $allow ->
    [yes] allow
   *[no] deny
} { $traffic } { $direction ->
    [outbound] to
   *[inbound] from
} { $cidr }
sg-rules-more = { $count } more
hop-security-group = { $interface } { $direction ->
    [egress] egress
   *[ingress] ingress
} ({ $groups }): { $traffic } { $direction ->
    [egress] to
   *[ingress] from
} { $peer } allowed by { $rule }
stop-security_group = { $interface } { $direction ->
    [egress] egress
   *[ingress] ingress
} ({ $groups }): no rule allows { $traffic } { $direction ->
    [egress] to
   *[ingress] from
} { $peer }; { $total ->
    [0] the groups have no { $direction } rule
   *[other] rules: { $rules }
}
acl-check = { $reply ->
    [yes] reply: { $acl } { $direction }
   *[no] { $acl } { $direction }
} rule { $rule } { $allow ->
    [yes] allows
   *[no] denies
} { $traffic } { $direction ->
    [outbound] to
   *[inbound] from
} { $peer }
hop-network-acl = network ACL of { $subnet }: { $checks }
stop-network_acl = network ACL of { $subnet }: { $check }{ $reply ->
    [yes] ; network ACLs are stateless, so the reply needs its own rule for the ephemeral ports it comes back to
   *[no] {""}
}
stop-source_dest_check = { $route } in { $table } sends traffic through { $eni }, whose source/destination check is on: it drops traffic that is neither from it nor to it (turn the check off on an appliance)
hop-source-dest-check-off = { $hop }; source/destination check off

## The explorer's Security panel (src/ui/security.rs)

sec-panel-group = security group · { $interface } { $direction ->
    [egress] outbound
   *[ingress] inbound
} ({ $groups })
sec-panel-traffic = { $traffic } { $direction ->
    [egress] to
   *[ingress] from
} { $peer }
sec-panel-allowed-by = ✔ allowed by { $rule }
sec-panel-no-rules = the groups have no { $direction ->
    [egress] outbound
   *[ingress] inbound
} rule at all
sec-panel-acl = network ACL { $acl } · { $subnet }
sec-panel-acl-check = { $allow ->
    [yes] ✔
   *[no] ✖
} { $reply ->
    [yes] reply
   *[no] request
} { $direction } { $traffic } { $direction ->
    [outbound] to
   *[inbound] from
} { $peer }: { $allow ->
    [yes] allowed by
   *[no] denied by
} rule { $rule }{ $final ->
    [yes] {" "}(the final rule: no numbered rule matched)
   *[no] {""}
}
sec-panel-sdc = source/destination check · { $eni }
sec-panel-sdc-on = ✖ denied by the check: it is on, so the interface drops traffic that is neither from it nor to it ({ $route } in { $table })
sec-panel-part = for { $part }:
sec-panel-stopped-first = ⚠ the path stops before { $earlier ->
    [some] the remaining checks
   *[none] any of these checks
}: { $reason } ({ $code }; see the path)
# The edit menu's security item: what the scenario has.
sec-menu-detail = { $groups ->
    [one] 1 group
   *[other] { $groups } groups
}, { $acls ->
    [one] 1 network ACL
   *[other] { $acls } network ACLs
}
sec-panel-not-evaluated = not evaluated: { $layers } (the scenario has no data for them)
sec-panel-policy = { $kind ->
    [endpoint] endpoint policy
   *[bucket] bucket policy
} · { $owner }
sec-panel-policy-request = { $request } { $through }
sec-panel-policy-default = ✔ allowed by AWS's default policy (full access): the endpoint has no policy of its own
sec-panel-policy-allowed-by = ✔ allowed by { $statement }
sec-panel-policy-no-deny = ✔ allowed: no statement denies it (a bucket policy refuses only what a Deny names)
sec-panel-policy-limited = { $kind ->
    [endpoint] ◐ allowed by { $statement }, for some requests only
   *[bucket] ◐ allowed for some requests only: { $statement } denies the others
}
sec-panel-policy-denied-by = ✖ denied by { $statement } (an explicit Deny)
sec-panel-policy-not-allowed = ✖ denied: no statement allows it (an endpoint policy allows only what a statement names)
sec-panel-policy-not-evaluable = ? not evaluable: { $statement } rests on { $unsupported }, which vpc-tui does not evaluate
sec-panel-summary-not-evaluable = ? not evaluable at { $what }
sec-panel-summary-denied = ✖ denied at { $what }
sec-panel-summary-limited = ◐ allowed for some requests only: { $allowed ->
    [0] { $limited ->
        [one] the one check on the path allows only some requests
       *[other] each of the { $limited } checks on the path allows only some requests
    }
   *[other] { $limited } of the { $total } checks on the path { $limited ->
        [one] allows
       *[other] allow
    } only some requests, { $allowed ->
        [one] the other one allows
       *[other] the other { $allowed } allow
    } the traffic
}
sec-panel-summary-allowed = ✔ { $count ->
    [one] the one check on the path allows the traffic
   *[other] all { $count } checks on the path allow the traffic
}

## Endpoint and bucket policies (aws-semantics.md §5b)

policy-name = { $kind ->
    [endpoint] endpoint policy of { $owner }
   *[bucket] bucket policy of { $owner }
}
policy-statement = statement { $index }
policy-statement-sid = statement { $index } ({ $sid })
policy-statement-none = its statements
policy-request = { $resource_any ->
    [yes] { $action_any ->
        [yes] any request
       *[no] { $action } on any resource
    }
   *[no] { $action_any ->
        [yes] any action on { $resource }
       *[no] { $action } on { $resource }
    }
}
policy-through-endpoint = through { $endpoint } (aws:SourceVpce is { $endpoint }; no aws:SourceIp)
policy-through-internet = from a public address (aws:SourceIp; no aws:SourceVpce)
hop-policy-default = { $owner } has no policy of its own: AWS's default endpoint policy allows full access
hop-policy-allowed = { $policy }: { $statement } allows { $request }
hop-policy-no-deny = { $policy }: no statement denies { $request } { $through }
hop-policy-limited = { $kind ->
    [endpoint] { $policy }: allows only some requests ({ $statement } decides)
   *[bucket] { $policy }: { $statement } refuses some requests to { $owner } from here
}
stop-policy-denied = { $policy }: { $statement } explicitly denies { $request } { $through }
stop-policy-not_allowed = { $policy }: no statement allows { $request } (an endpoint policy allows only what a statement names)
stop-policy-not_evaluable-source-ip = { $policy }: the decision rests on aws:SourceIp in { $statement }: over a NAT gateway or an internet gateway it is the public address (the NAT gateway's Elastic IP, the instance's public IPv4), which the scenario does not give
stop-policy-not_evaluable = { $policy }: the decision rests on { $unsupported } in { $statement }, which vpc-tui does not evaluate (check it with the IAM policy simulator)

## VPC Block Public Access (src/explain/bpa.rs)

bpa-mode-off = off
bpa-mode-block-bidirectional = bidirectional
bpa-mode-block-ingress = ingress-only
bpa-exclusion-mode-allow-bidirectional = allow-bidirectional
bpa-exclusion-mode-allow-egress = allow-egress
bpa-exclusion = { $named ->
    [yes] the exclusion { $id } ({ $mode }) of { $vpc ->
        [yes] the VPC { $target }
       *[no] { $target }
    }
   *[no] the { $mode } exclusion of { $vpc ->
        [yes] the VPC { $target }
       *[no] { $target }
    }
}
bpa-blocked = VPC Block Public Access ({ $mode }) blocks this traffic at { $igw }: { $ingress ->
    [yes] { $subnet } has no allow-bidirectional exclusion, and in ingress-only mode only traffic of NAT gateways may pass an internet gateway
   *[no] neither { $subnet } nor its VPC has an exclusion
}
bpa-blocked-nat = VPC Block Public Access ({ $mode }) blocks the traffic of { $nat } at { $igw }: the NAT gateway's subnet { $subnet } has no exclusion. The traffic meets the internet gateway from the NAT gateway, so it is the NAT gateway's subnet that needs one (an exclusion of the source's subnet does not help)
bpa-not-modelled-egress_exclusion_in_ingress_mode = not modelled: VPC Block Public Access is in ingress-only mode and { $exclusion } lets { $subnet } out, but AWS says an allow-egress exclusion applies only in bidirectional mode and does not say what it does here
bpa-not-modelled-subnet_and_vpc_differ = not modelled: { $exclusion } and an exclusion of the VPC with another mode both cover { $subnet }; AWS's pages do not say which one applies
bpa-not-modelled-after_gwlb_endpoint = not modelled: the traffic passed a Gateway Load Balancer endpoint before { $igw }; AWS blocks such traffic even when the endpoint's subnet is excluded, and does not say whether { $exclusion } lets it through
bpa-not-modelled-regional_nat = not modelled: the traffic leaves through the regional NAT gateway { $nat }, which has no subnet, and the VPC has no exclusion of its own; AWS's pages do not say which exclusion applies to a regional NAT gateway
note-block_public_access_allowed = VPC Block Public Access is on ({ $mode }), and { $exclusion } lets this outbound traffic through { $igw }
note-block_public_access_allowed-nat = VPC Block Public Access is in ingress-only mode: the traffic of { $nat } may pass { $igw }, because a NAT gateway only lets connections be opened outbound
note-block_public_access_allowed-eigw = VPC Block Public Access is in ingress-only mode: this traffic may pass the egress-only internet gateway { $igw }, because it only lets connections be opened outbound

## IPv6 and dual-stack

ipv6-address-in = { $address } in { $subnet }
ipv6-family-ipv4 = IPv4
ipv6-family-ipv6 = IPv6
ipv6-family-asked = the query asks for { $family }
ipv6-family-auto-both_prefer_ipv6 = the client uses { $family }: it has IPv4 and IPv6 addresses and the answer has A and AAAA records, and the default address selection (RFC 6724) prefers IPv6
ipv6-family-auto-only_ipv6_client = the client uses { $family }: it is in an IPv6-only subnet and has no IPv4 address
ipv6-family-auto-no_aaaa = the client uses { $family }: the other family has no answer it can use (no AAAA record, or no A record)
ipv6-family-auto-no_client_ipv6 = the client uses { $family }: it has no IPv6 address
ipv6-family-auto-literal = the client uses { $family }: the destination is an address of that family
ipv6-hop-source = { $has_address ->
    [yes] { $id } sends over IPv6 from { $address } ({ $subnet }, IPv6 block { $block })
   *[no] { $id } sends over IPv6 from an address of { $subnet }'s IPv6 block { $block }
}
ipv6-dns-public = { $name }: the name has AAAA records (a dual-stack name); the service's IPv6 addresses are not in the catalogue
ipv6-dns-endpoint = { $name }: private DNS of { $endpoint } answers AAAA with its network interfaces' IPv6 addresses: { $addresses }
ipv6-dns-synthesized = { $name } has only an A record ({ $ipv4 }); DNS64 in the client's subnet answers the synthesized AAAA { $ipv6 } (the IPv4 address inside 64:ff9b::/96)
ipv6-hop-route = { $table } routes { $destination } by { $route } (the longest matching IPv6 prefix{ $matched ->
    [1] {""}
   *[other] ; also matching: { $others }
})
ipv6-hop-egress-only = { $id }: egress-only internet gateway; the traffic goes out to the internet over IPv6 and its replies come back
ipv6-hop-internet-gateway = { $has_address ->
    [yes] { $id }: internet gateway; IPv6 addresses are public, so { $address } goes out as it is (no NAT, no public IPv4 needed)
   *[no] { $id }: internet gateway; IPv6 addresses are public, so the instance's IPv6 address goes out as it is (no NAT, no public IPv4 needed)
}
ipv6-hop-nat64 = { $id }: NAT64 translates the traffic to IPv4 { $ipv4 } and sends it from its own address; in { $subnet }, { $table } routes it by { $route }
ipv6-hop-endpoint = { $id }: the endpoint's network interfaces over IPv6 ({ $addresses })
ipv6-hop-address = { $address } in { $subnet }
ipv6-hop-internet = { $address } on the internet
ipv6-stop-no_ipv6_address = { $block ->
    [yes] { $source } has no IPv6 address, although { $subnet } has an IPv6 block: assign the instance an IPv6 address from it
   *[no] { $source } has no IPv6 address: { $subnet } has no IPv6 block, so nothing there can send IPv6
}
ipv6-stop-no_ipv4_address = { $source } has no IPv4 address: { $subnet } is an IPv6-only subnet, so no IPv4 path starts there (ask for IPv6, or use DNS64 and NAT64 for IPv4-only destinations)
ipv6-stop-no_aaaa = { $by_endpoint ->
    [yes] { $name } has no AAAA record: private DNS of { $endpoint } has the DNS record IP type { $records }, which gives the service's name A records only; an IPv6 client cannot reach it over IPv6 (records dualstack or ipv6 would add AAAA)
   *[no] { $name } has no AAAA record (the service's Regional name is IPv4-only) and DNS64 is off in the client's subnet: there is no IPv6 address to connect to
}
ipv6-stop-endpoint_no_ipv6 = { $endpoint } has no IPv6 address: its IP address type is ipv4 (or none of its network interfaces is up with an IPv6 address), so an IPv6 client cannot use it
ipv6-stop-no_route = { $vpc_has_ipv6 ->
    [yes] no IPv6 route in { $table } matches { $destination }{ $count ->
        [0] {""}
       *[other] {""} (its IPv6 routes: { $routes })
    }
   *[no] no IPv6 route in { $table } matches { $destination }: the VPC has no IPv6 block, so its tables route no IPv6
}
ipv6-stop-blackhole = { $route } in { $table }: the target { $target } does not exist or is a blackhole; the IPv6 traffic is dropped
ipv6-stop-leaves_vpc = { $route } in { $table } sends the IPv6 traffic out of the VPC to { $target }; the model does not follow it
ipv6-stop-nat64_prefix_to_internet = { $route } in { $table } sends the synthesized 64:ff9b:: address to the internet, where the NAT64 prefix is not routed; add a route for 64:ff9b::/96 to a NAT gateway
ipv6-stop-address_unavailable = { $in_subnet ->
    [yes] { $address } is in { $subnet }, whose AZ has failed
   *[no] { $address } is in no subnet's IPv6 block
}
ipv6-stop-nat64-az_failed = { $nat } would translate the traffic to { $ipv4 } (NAT64), but its AZ has failed
ipv6-stop-nat64-private = { $nat } is a private NAT gateway: NAT64 translates the traffic to { $ipv4 }, but a private NAT gateway's traffic cannot reach the internet
ipv6-stop-nat64-no_ipv4_route = { $nat } translates the traffic to { $ipv4 } (NAT64), but its subnet's route table has no IPv4 route for it to an internet gateway
ipv6-stop-nat64-regional = { $nat } is a regional NAT gateway: NAT64 through it is not modelled
ipv6-not-modelled-gateway_endpoint = { $id } is a gateway endpoint on an IPv6 path: AWS's gateway endpoints take dual-stack traffic, but the catalogue has no IPv6 ranges for the prefix list; not modelled
ipv6-not-modelled-nat_gateway_not_nat64 = the route sends IPv6 outside 64:ff9b::/96 to { $id }; a NAT gateway translates only the NAT64 prefix, and what it does with other IPv6 was not found on AWS's pages; not modelled
ipv6-not-modelled-appliance = { $id } (a GWLB endpoint, an appliance interface, or another target after NAT64) is on an IPv6 path; not modelled
ipv6-not-modelled-dns64_to_endpoint = DNS64 would synthesize an address from the private IPv4 address of { $id }; whether NAT64 reaches an endpoint's private address was not found on AWS's pages; not modelled
ipv6-not-modelled-dualstack_records_unknown = { $id } is a dual-stack endpoint whose DNS record IP type the scenario does not give; which records its name has is not modelled (give dns_record_ip_type)
ipv6-not-modelled-dns_outside_model = the AAAA answer for { $id } comes from DNS the model does not follow for IPv6 (a private hosted zone, a Resolver rule or custom DNS servers); not modelled
ipv6-not-modelled-workload = workloads over IPv6 are not modelled (ask for each service)
ipv6-not-modelled-other_name = { $id } over IPv6 (a global name or another Region's service) is not modelled
ipv6-stop-security_group = { $interface } { $direction ->
    [egress] egress
   *[ingress] ingress
} ({ $groups }): no IPv6 rule allows { $traffic } { $direction ->
    [egress] to
   *[ingress] from
} { $peer }; { $total ->
    [0] the groups have no IPv6 { $direction } rule, and rules for IPv4 CIDRs do not allow IPv6 traffic (add one for ::/0 or the IPv6 CIDR)
   *[other] none of their { $total } IPv6 { $direction } rules covers it
}
ipv6-stop-network_acl = network ACL of { $subnet }: { $check } (its IPv6 entries only: IPv4 entries never match IPv6 traffic){ $reply ->
    [yes] ; network ACLs are stateless, so the reply needs its own IPv6 entry for the ephemeral ports it comes back to
   *[no] {""}
}
ipv6-not-modelled-group_reference = only a rule naming a security group or a prefix list could allow this IPv6 traffic at { $id }; whether such rules cover IPv6 addresses was not found on AWS's pages; not modelled
ipv6-not-modelled-some_interfaces = the security groups and network ACLs on the way to { $id } allow some of its network interfaces and deny others over IPv6; not modelled
note-egress_only_no_inbound = the path leaves through the egress-only internet gateway { $gateway }: replies come back, but nothing on the internet can start a connection to the source
note-ipv6_layers_not_evaluated = the network ACL of the NAT gateway's subnet is not evaluated for NAT64 (IPv6 in, IPv4 out): this verdict does not include it
note-ipv6_service_ranges_unknown = the IPv6 addresses of { $service } are not in the catalogue: the route shown is the one for any public IPv6 address (a more specific route could take some of them)
note-family_chosen = --family auto: { $choice }
note-directory_bucket_other_az = { $bucket } is in { $az }, not in the source's AZ: requests cross AZs, give up the low latency S3 Express One Zone is chosen for, and depend on { $az } (whether inter-AZ transfer is billed is not modelled)
note-directory_bucket_zone_unknown = { $bucket } is in the zone { $zone }, which none of the scenario's AZs has as its ID: failing that zone cannot be tried (add the AZ with its id to availability_zones)
note-lattice_beyond_model = past { $endpoint } ({ $kind ->
    [resource] resource endpoint
    [vpc_association] service network VPC association
   *[service_network] service-network endpoint
}, { $arn }) the path is outside the model: { $kind ->
    [resource] the resource gateway, the provider's security groups and routes, the resource's health
   *[other] the service network's services and resource configurations (their targets and resource gateways), the providers' security groups and routes, the targets' health
} and VPC Lattice auth policies are not evaluated
note-lattice_association_unchecked = the path goes through the VPC's service network association { $association }: { $has_groups ->
    [yes] its security groups ({ $groups })
   *[no] the security groups of the association (none here)
} and the client subnet's network ACL toward VPC Lattice's managed prefix list apply, but AWS's pages do not say exactly which rules a request must match, so they are not evaluated (not modelled)
note-lattice_own_port = no traffic was chosen, so { $service } is asked about TCP { $port }, the first port its resource configuration { $arn } offers ({ $ranges }, through { $endpoint }), instead of the default HTTPS (443); choose the traffic (check --port, or Traffic in the explorer) to ask about another port
