### The cost estimate in words: line items, the way each flow goes, notes, and what changed.
### Ids, AZ names, amounts and currency codes are arguments and stay as they are.

## What a line item is for

cost-item-interface_endpoint_eni = ENI of interface endpoint { $endpoint } in { $az }
cost-item-interface_endpoint_data = data processed by interface endpoints ({ $tier })
cost-tier-first = first { $pb } PB
cost-tier-next = next { $pb } PB
cost-tier-over = over { $pb } PB
cost-item-gateway_endpoint = gateway endpoint { $endpoint } ({ $service }, no charge)
cost-item-nat_gateway = NAT gateway { $nat } ({ $where })
cost-item-nat_address = public IPv4 address (Elastic IP) of NAT gateway { $nat } ({ $where })
cost-item-nat_data = data processed by NAT gateway { $nat } ({ $where })
cost-nat-in = in { $az }
cost-nat-unknown = AZ unknown
cost-nat-regional = regional, { $azs } AZ(s)
cost-item-public_address = public IPv4 address of { $owner }
cost-item-gwlb = Gateway Load Balancer { $load_balancer }
cost-item-gwlb_capacity = capacity units (GLCU) of Gateway Load Balancer { $load_balancer }
cost-item-gwlb_endpoint = GWLB endpoint { $endpoint } in { $az }
cost-item-gwlb_endpoint_data = data processed by GWLB endpoint { $endpoint } in { $az }
cost-item-inter_az-out = data transfer between AZs, out of the AZ it leaves
cost-item-inter_az-in = data transfer between AZs, into the AZ it enters

## Units, and a line item's quantity: "730 hour × 0.01"

cost-unit-hour = hour
cost-unit-address-hour = address-hour
cost-unit-GLCU-hour = GLCU-hour
cost-unit-GB = GB
cost-quantity = { $quantity } { $unit } × { $price }

## The way a flow goes

cost-way-local = local
cost-way-via = via { $through }
cost-through-gateway_endpoint = gateway endpoint
cost-through-interface_endpoint = interface endpoint
cost-through-resource_endpoint = resource endpoint
cost-through-service_network_endpoint = service-network endpoint
cost-through-gwlb_endpoint = GWLB endpoint
cost-through-appliance_eni = appliance ENI
cost-through-nat_gateway = NAT gateway
cost-through-internet_gateway = internet gateway
cost-way-cross-always = { $way } (cross-AZ)
cost-way-cross-sometimes = { $way } (cross-AZ sometimes)
cost-way-partly = partly reachable
cost-way-blocked = blocked ({ $reason })
cost-way-unavailable = unavailable ({ $reason })
cost-way-not-modelled = not modelled ({ $reason }; not priced)
cost-way-leaves = leaves the VPC at { $target } (not priced)
# Groups of the service's CIDRs that go different ways.
cost-way-by-range = { $partial ->
    [yes] partly
   *[no] by range
}: { $parts }
cost-way-part = { $count }/{ $total } { $way }
cost-part-sep = ;{" "}

## Notes

cost-note-no_instance = no instance { $instance }: its flows are left out
cost-note-no_service = no service { $service } in this Region's catalogue: its flows are left out
cost-note-no_prices = no prices for { $region } in assets/prices.ron (Regions priced: { $priced }): nothing is priced
cost-note-failed_az_enis = interface endpoint ENIs in failed AZs are still billed: AWS bills an endpoint for every hour it is provisioned in an AZ
cost-note-lattice_not_priced = resource and service-network endpoints ({ $endpoints }) are left out: their prices are not in the price data (not modelled)
cost-note-regional_nat = regional NAT gateway { $nat }: billed as one NAT gateway-hour and one public IPv4 address per AZ with instances ({ $azs }); AWS's pricing for regional NAT gateways was not verified
cost-note-unserved_gwlb_endpoint = GWLB endpoint { $endpoint }: no Gateway Load Balancer in the scenario serves it, so no load balancer hours or capacity units are counted for it
cost-note-cross_az_sometimes = cross-AZ "sometimes": the client is assumed to spread its traffic evenly over the healthy ENIs in the DNS answer, so the share on ENIs outside its AZ is billed as inter-AZ transfer

## What changed between two estimates ($delta is signed: +7.30, −4.50)

cost-change-added = +1 { $item }: { $delta } { $currency }/month
cost-change-removed = −1 { $item }: { $delta } { $currency }/month
cost-change-repriced = { $item }: { $delta } { $currency }/month
cost-change-flow-new = { $service } for { $instance }: new flow { $way }: { $delta } { $currency }/month at { $gb }
cost-change-flow-way = { $service } for { $instance }: { $before } → { $after }: { $delta } { $currency }/month at { $gb }
cost-change-flow-cost = { $service } for { $instance }: { $way }: { $delta } { $currency }/month at { $gb }
cost-change-flow-removed = { $service } for { $instance }: flow removed: { $delta } { $currency }/month
cost-instances-more = { $instance } and { $more ->
    [one] 1 more instance
   *[other] { $more } more instances
} of its subnet
cost-instances-more-across = { $instance } and { $more ->
    [one] 1 more instance
   *[other] { $more } more instances
}
cost-gb = { $gb } GB
cost-tb = { $tb } TB

## The status line after setting the traffic

cost-traffic-flow = { $instance } → { $service }: { $gb } GB/month
cost-traffic-default = { $gb } GB/month per flow
