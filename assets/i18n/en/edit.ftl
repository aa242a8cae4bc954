### Edits in words: the status line after an edit, undo and redo, a lesson's list of changes.
### Ids, CIDRs, AZ names and attribute names are arguments and stay as they are.

edit-associate-subnet = associate { $subnet } with { $table }
edit-use-main-table = remove { $subnet }'s explicit association (it then uses the main table)
edit-set-main-table = make { $table } the main route table
edit-add-route = add route { $destination } → { $target } to { $table }
edit-restore-local = restore the local target of { $destination } in { $table }
edit-replace-route = point { $destination } in { $table } at { $target }
edit-delete-route = delete the route to { $destination } from { $table }
edit-add-gateway-endpoint = add gateway endpoint { $endpoint } for { $service } { $count ->
    [0] on no route table
   *[other] on { $tables }
}
edit-delete-gateway-endpoint = delete gateway endpoint { $endpoint }
edit-attach-gateway-endpoint = attach { $endpoint } to { $table }
edit-detach-gateway-endpoint = detach { $endpoint } from { $table }
edit-add-interface-endpoint = add { $kind ->
    [resource] resource endpoint
    [service-network] service-network endpoint
   *[interface] interface endpoint
} { $endpoint } for { $service } { $count ->
    [0] with no subnet
   *[other] in { $subnets }
}
edit-delete-interface-endpoint = delete endpoint { $endpoint }
edit-add-endpoint-subnet = add { $subnet } to { $endpoint }
edit-add-endpoint-subnet-ip = add { $subnet } ({ $ip }) to { $endpoint }
edit-remove-endpoint-subnet = remove { $subnet } from { $endpoint }
edit-private-dns = turn private DNS { $on ->
    [yes] on
   *[no] off
} for { $endpoint }
edit-private-dns-inbound-only = turn "private DNS only for inbound Resolver endpoint" { $on ->
    [yes] on
   *[no] off
} for { $endpoint }
# $private: a private NAT gateway; $place: zonal in a subnet, zonal without one, or regional.
edit-add-nat-gateway = add { $place ->
    [regional] regional { $private ->
        [yes] private NAT gateway
       *[no] NAT gateway
    } { $nat }
    [subnet] { $private ->
        [yes] private NAT gateway
       *[no] NAT gateway
    } { $nat } in { $subnet }
   *[none] { $private ->
        [yes] private NAT gateway
       *[no] NAT gateway
    } { $nat }
}
edit-delete-nat-gateway = delete NAT gateway { $nat } (routes to it become blackholes)
edit-give-public-ip = give { $instance } a public IPv4 address
edit-remove-public-ip = remove { $instance }'s public IPv4 address
edit-dns-support = turn DNS resolution (enableDnsSupport) { $on ->
    [yes] on
   *[no] off
}
edit-dns-hostnames = turn DNS hostnames (enableDnsHostnames) { $on ->
    [yes] on
   *[no] off
}
edit-gwlb-appliances = mark the appliances behind { $endpoint } { $up ->
    [yes] up
   *[no] down
}
edit-associate-gateway = make { $table } the edge route table of { $gateway }
edit-disassociate-gateway = disassociate { $gateway } from { $table }
edit-appliance-health = mark { $load_balancer }'s appliances in { $az } { $healthy ->
    [yes] healthy
   *[no] unhealthy
}
edit-cross-zone = turn cross-zone load balancing { $on ->
    [yes] on
   *[no] off
} on { $load_balancer }
edit-fail-az = fail AZ { $az }
edit-restore-az = restore AZ { $az }
edit-restore-every-az = restore every AZ
edit-set-failed-azs = set the failed AZs to { $azs }
edit-no-change = no change
# Several edits made as one: their count, then each one.
edit-batch = { $count } changes: { $edits }
edit-batch-sep = ;{" "}

## A lesson step's change, marked as an addition (+), a removal (−), an AZ failure (✖) or a change (~).

edit-change-line = { $mark } { $edit }

## The app's status line and the flipped-cells list.

edit-undo = undo: { $edit }
edit-redo = redo: { $edit }

## A lesson that cannot be shown.

lesson-none = the scenario has no lesson
lesson-edit-refused = lesson step { $step } ({ $title }): the edit "{ $edit }" is refused: { $error }
lesson-no-step = the lesson has { $steps } steps; there is no step { $step }

## Security groups and network ACLs

edit-add-sg-rule = add to { $group } the { $direction } rule { $traffic } { $direction ->
    [egress] to
   *[ingress] from
} { $peer }
edit-remove-sg-rule = remove { $group }'s { $direction } rule { $index }
edit-attach-sg = attach { $group } to { $interface }
edit-detach-sg = detach { $group } from { $interface }
edit-add-acl-rule = add to { $acl } the { $direction } rule { $number }: { $allow ->
    [yes] allow
   *[no] deny
} { $traffic } { $direction ->
    [outbound] to
   *[inbound] from
} { $cidr }
edit-remove-acl-rule = remove { $acl }'s { $direction } rule { $number }
edit-renumber-acl-rule = renumber { $acl }'s { $direction } rule { $number } to { $new }
edit-associate-acl = associate { $subnet } with the network ACL { $acl }
edit-associate-default-acl = associate { $subnet } with the default network ACL
edit-endpoint-policy = { $case ->
    [full] give { $endpoint } the full-access endpoint policy
    [reset] reset the endpoint policy of { $endpoint } to AWS's default (full access)
   *[custom] set the endpoint policy of { $endpoint } ({ $count ->
        [one] 1 statement
       *[other] { $count } statements
    })
}
edit-bpa-mode = { $off ->
    [yes] turn VPC Block Public Access off
   *[no] set VPC Block Public Access to { $mode }
}
edit-bpa-exclusion-add = exclude { $vpc ->
    [yes] the VPC
   *[no] { $target }
} from Block Public Access ({ $mode })
edit-bpa-exclusion-remove = delete the Block Public Access exclusion of { $vpc ->
    [yes] the VPC
   *[no] { $target }
}
edit-dhcp-options = { $default ->
    [yes] give the VPC the default DHCP options (AmazonProvidedDNS)
   *[no] associate the DHCP options set { $options } with the VPC (DNS servers { $servers })
}
edit-resolver-rule-add = associate the Resolver { $forward ->
    [yes] forward rule
   *[no] system rule
} { $rule } for { $domain } with the VPC
edit-resolver-rule-remove = disassociate the Resolver rule { $rule } from the VPC
edit-hosted-zone-add = associate the private hosted zone { $zone } ({ $name }, { $count ->
    [one] 1 record
   *[other] { $count } records
}) with the VPC
edit-hosted-zone-remove = disassociate the private hosted zone { $zone } from the VPC
edit-zone-record-add = create the { $kind } record { $name } → { $value } in { $zone }
edit-zone-record-remove = delete the record { $name } from { $zone }
edit-bucket-policy = { $delete ->
    [yes] delete the bucket policy of { $bucket }
   *[no] set the bucket policy of { $bucket } ({ $count ->
        [one] 1 statement
       *[other] { $count } statements
    })
}
edit-source-dest-check = { $state ->
    [on] turn the source/destination check of { $interface } on
    [off] turn the source/destination check of { $interface } off
   *[unset] leave the source/destination check of { $interface } unsaid
}
