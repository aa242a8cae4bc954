#!/usr/bin/env python3
"""Runs aws-vpc-analyzer 0.5.1 (the `netgraph` package) on `aws ec2 describe-*` JSON files, as
its MCP tools `refresh_topology` and `analyze_path` would on a live account: the peer only talks
to AWS through boto3 paginators (`netgraph/aws/fetcher.py`), so this gives it an EC2 client whose
paginators read the files instead. Everything else is the peer's own code: its fetcher, graph
manager (the whole VPC's topology) and path analyzer.

    peer_driver.py DIR SOURCE_ID DEST_IP [PORT]

Prints the peer's verdict on one line. Used by scripts/peer-compare.sh.
"""

import asyncio
import json
import os
import sys

from botocore.exceptions import ClientError

from netgraph.aws.client import AWSClient
from netgraph.aws.fetcher import EC2Fetcher
from netgraph.core.graph_manager import GraphManager
from netgraph.core.path_analyzer import PathAnalyzer

# boto3 operation -> (file written by `vpc-tui`'s generator / `aws ec2 describe-*`, list key,
# id key, id parameter)
FILES = {
    "describe_instances": ("instances.json", "Reservations", None, "InstanceIds"),
    "describe_subnets": ("subnets.json", "Subnets", "SubnetId", "SubnetIds"),
    "describe_security_groups": ("security-groups.json", "SecurityGroups", "GroupId", "GroupIds"),
    "describe_network_acls": ("network-acls.json", "NetworkAcls", "NetworkAclId", "NetworkAclIds"),
    "describe_route_tables": ("route-tables.json", "RouteTables", "RouteTableId", "RouteTableIds"),
    "describe_internet_gateways": (
        "internet-gateways.json", "InternetGateways", "InternetGatewayId", "InternetGatewayIds"),
    "describe_nat_gateways": ("nat-gateways.json", "NatGateways", "NatGatewayId", "NatGatewayIds"),
    "describe_network_interfaces": (
        "network-interfaces.json", "NetworkInterfaces", "NetworkInterfaceId",
        "NetworkInterfaceIds"),
    "describe_vpcs": ("vpcs.json", "Vpcs", "VpcId", "VpcIds"),
    "describe_vpc_peering_connections": (
        "vpc-peering-connections.json", "VpcPeeringConnections", "VpcPeeringConnectionId",
        "VpcPeeringConnectionIds"),
    "describe_transit_gateways": (
        "transit-gateways.json", "TransitGateways", "TransitGatewayId", "TransitGatewayIds"),
    "describe_transit_gateway_attachments": (
        "transit-gateway-attachments.json", "TransitGatewayAttachments",
        "TransitGatewayAttachmentId", "TransitGatewayAttachmentIds"),
    "get_managed_prefix_list_entries": ("prefix-list-entries.json", "Entries", None, None),
}


class Paginator:
    def __init__(self, client, op):
        self.client, self.op = client, op

    def paginate(self, **params):
        name, key, id_key, id_param = FILES[self.op]
        data = self.client.load(name)
        items = data.get(key, [])
        if self.op == "describe_instances":
            wanted = set(params.get("InstanceIds") or [])
            instances = [i for r in items for i in r.get("Instances", [])]
            if wanted:
                instances = [i for i in instances if i.get("InstanceId") in wanted]
                if not instances:
                    raise not_found("InvalidInstanceID.NotFound", self.op)
            instances = [i for i in instances if matches(i, params.get("Filters"))]
            yield {"Reservations": [{"Instances": instances}]}
            return
        wanted = set(params.get(id_param) or []) if id_param else set()
        if wanted:
            items = [i for i in items if i.get(id_key) in wanted]
        items = [i for i in items if matches(i, params.get("Filters"))]
        yield {key: items}


def matches(item, filters):
    """The filters the peer sends: by VPC, where the record says its VPC."""
    for f in filters or []:
        if f.get("Name") == "vpc-id" and "VpcId" in item and item["VpcId"] not in f["Values"]:
            return False
    return True


def not_found(code, op):
    return ClientError({"Error": {"Code": code, "Message": "not in the files"}}, op)


class FileEc2:
    """The part of a boto3 EC2 client the peer uses: paginators."""

    def __init__(self, directory):
        self.directory, self.cache = directory, {}

    def load(self, name):
        if name not in self.cache:
            path = os.path.join(self.directory, name)
            if os.path.exists(path):
                with open(path) as f:
                    self.cache[name] = json.load(f)
            else:
                self.cache[name] = {}
        return self.cache[name]

    def get_paginator(self, op):
        return Paginator(self, op)


async def run(directory, source, dest, port):
    ec2 = FileEc2(directory)
    vpcs = ec2.load("vpcs.json").get("Vpcs", [])
    client = AWSClient(ec2=ec2, region="us-east-1", account_id="123456789012")
    graph = GraphManager(fetcher=EC2Fetcher(client=client), ttl_seconds=3600)
    topology = await graph.build_topology(vpc_ids=[v["VpcId"] for v in vpcs])
    result = await PathAnalyzer(graph=graph).analyze(
        source_id=source, dest_ip=dest, port=port, protocol="tcp")
    reason = result.unknown_reason or ""
    if result.blocked_at is not None:
        reason = f"at {result.blocked_at.node_id}: {result.blocked_at.blocking_reason}"
    print(f"peer: {result.status.value} ({topology.node_count} graph nodes) {reason[:160]}")


if __name__ == "__main__":
    d, src, dst = sys.argv[1:4]
    asyncio.run(run(d, src, dst, int(sys.argv[4]) if len(sys.argv) > 4 else 443))
