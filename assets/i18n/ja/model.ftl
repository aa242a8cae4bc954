### 検証の指摘と、適用できない編集: ルールコードごとに 1 つのメッセージ `diag-<rule>`。
### ID、CIDR、アドレス、AZ 名、コードは引数で、そのまま表示します。
### `$case` は 1 つのルールがまとめて扱う場面を選びます。

## 指摘 1 件の行: 「エラー: subnet-a: … [rule]」

diag-severity-error = エラー
diag-severity-warning = 警告
diag-line = { $severity }: { $message } [{ $rule }]
diag-line-object = { $severity }: { $object }: { $message } [{ $rule }]
diag-load-heading = { $path }: シナリオに { $errors } 件のエラーがあります。
diag-warnings-status = 検証で { $count } 件の警告があります: { $first }

## オブジェクトの種類と、CIDR の役割

kind-a-vpc = VPC
kind-a-internet_gateway = インターネットゲートウェイ
kind-a-subnet = サブネット
kind-a-route_table = ルートテーブル
kind-a-nat_gateway = NAT ゲートウェイ
kind-a-gateway_endpoint = ゲートウェイエンドポイント
kind-a-interface_endpoint = インターフェイスエンドポイント
kind-a-gateway_load_balancer = Gateway Load Balancer
kind-a-gwlb_endpoint = Gateway Load Balancer エンドポイント
kind-a-network_interface = ネットワークインターフェイス
kind-a-instance = インスタンス
kind-a-security_group = セキュリティグループ
kind-a-network_acl = ネットワーク ACL
kinds-security_group = セキュリティグループ
kinds-network_acl = ネットワーク ACL
kind-security_group = セキュリティグループ
kind-network_acl = ネットワーク ACL
kinds-vpc = VPC
kinds-internet_gateway = インターネットゲートウェイ
kinds-subnet = サブネット
kinds-route_table = ルートテーブル
kinds-nat_gateway = NAT ゲートウェイ
kind-vpc_endpoint = VPC エンドポイント
kind-bucket = S3 バケット
kinds-bucket = S3 バケット
kind-bpa_exclusion = パブリックアクセスのブロックの除外
kinds-bpa_exclusion = パブリックアクセスのブロックの除外
kind-hosted_zone = プライベートホストゾーン
kinds-hosted_zone = プライベートホストゾーン
kind-resolver_rule = Resolver ルール
kinds-resolver_rule = Resolver ルール
kind-dns_record = レコード
kinds-dns_record = レコード
kinds-vpc_endpoint = VPC エンドポイント
kinds-gateway_endpoint = ゲートウェイエンドポイント
kinds-interface_endpoint = インターフェイスエンドポイント
kinds-gateway_load_balancer = Gateway Load Balancer
kinds-gwlb_endpoint = Gateway Load Balancer エンドポイント
kinds-network_interface = ネットワークインターフェイス
kinds-instance = インスタンス
kind-vpc = VPC
kind-internet_gateway = インターネットゲートウェイ
kind-subnet = サブネット
kind-route_table = ルートテーブル
kind-nat_gateway = NAT ゲートウェイ
kind-gateway_endpoint = ゲートウェイエンドポイント
kind-interface_endpoint = インターフェイスエンドポイント
kind-gateway_load_balancer = Gateway Load Balancer
kind-gwlb_endpoint = Gateway Load Balancer エンドポイント
kind-network_interface = ネットワークインターフェイス
kind-instance = インスタンス
kind-az = AZ
kinds-az = AZ
the-vpc = VPC
the-internet-gateway = インターネットゲートウェイ
what-vpc-cidr = VPC の CIDR
what-subnet-cidr = サブネットの CIDR
what-route-destination = ルートの送信先
what-service-cidr = サービスの CIDR

## CIDR ブロック

diag-cidr_host_bits = { $what } { $cidr } は有効な CIDR ブロックではありません。ホスト部のビットが立っています ({ $network } のことですか？)。AWS が受け付ける CIDR ブロックはネットワークアドレスの形だけです。
diag-dns_hostnames_without_support = { $vpc } では enableDnsHostnames (DNS ホスト名) がオンで enableDnsSupport (DNS 解決) がオフです。AWS は DNS 解決がオンのときにしか DNS ホスト名を有効にできません (ModifyVpcAttribute)。
diag-vpc_without_cidr = { $vpc } に CIDR ブロックがありません。VPC はプライマリ IPv4 CIDR ブロックを指定して作成します。
diag-vpc_cidr_size = VPC の CIDR { $cidr } は /{ $len } です。VPC の CIDR ブロックは /16 (65,536 アドレス) から /28 (16 アドレス) の範囲で指定します。
diag-vpc_cidr_overlap = VPC の CIDR { $cidr } が VPC の CIDR { $other } と重なっています。VPC の CIDR ブロックどうしは重複できません。
diag-subnet_cidr_size = { $subnet } の CIDR { $cidr } は /{ $len } です。サブネットの CIDR ブロックは /16 から /28 の範囲で指定します。
diag-subnet_outside_vpc = { $subnet } の CIDR { $cidr } が VPC の CIDR ブロック ({ $vpc_cidrs }) の中にありません。サブネットの CIDR ブロックは、VPC の CIDR ブロックのどれかに含まれている必要があります。
diag-subnet_overlap = { $subnet } の CIDR { $cidr } が { $other } の CIDR { $other_cidr } と重なっています。VPC 内のサブネットどうしは重複できません。
diag-unknown_az = { $case ->
    [subnet] { $subnet } のアベイラビリティーゾーン { $az } が availability_zones にありません。
   *[reference] アベイラビリティーゾーン { $az } は、シナリオの AZ 名でも AZ ID でもありません (既知の AZ: { $known })。
}
diag-unknown_subnet = { $case ->
    [associated] { $table } は { $subnet } に関連付けられていますが、{ $subnet } はこの VPC のサブネットではありません。
    [lists] { $endpoint } は { $subnet } を指定していますが、{ $subnet } はこの VPC のサブネットではありません。
   *[placed] { $id } は { $subnet } にありますが、{ $subnet } はこの VPC のサブネットではありません。
}

## ID とアベイラビリティーゾーン

diag-empty_id = ID が空の{ $a_kind }があります。参照できるように、すべてのオブジェクトに ID が必要です。
diag-duplicate_id = { $case ->
    [same_kind] 2 つの{ $kinds }が同じ ID { $id } を持っています。ID は一意にしてください。
    [workload] ワークロード { $workload } が 2 回定義されています。
    [new_id] { $id } はすでに{ $a_kind }の ID として使われています。ID は一意にしてください。
   *[two_kinds] { $id } が{ $a_first }と{ $a_kind }の両方の ID になっています。AWS と同じく、1 つの ID が指すオブジェクトは 1 つだけです。
}
diag-duplicate_az = { $case ->
    [name_twice] アベイラビリティーゾーン { $az } が 2 回書かれています。AZ 名は 1 回ずつ書きます。
    [id_twice] AZ ID { $az_id } が複数のアベイラビリティーゾーンに付いています。AZ ID は物理的な 1 つのゾーンを指すので、AZ 名ごとに異なる AZ ID になります。
   *[id_is_a_name] { $az } の AZ ID { $az_id } が別のアベイラビリティーゾーンの名前と同じです。{ $az_id } と書いたときにどちらを指すのか決まりません。
}
diag-az_not_in_region = アベイラビリティーゾーン { $az } はシナリオのリージョン { $region } のものではありません。AZ 名はリージョン名の後ろに 1 文字を付けた形です (例: { $region }a)。

## ルートテーブル

diag-no_main_route_table = { $vpc } にメインルートテーブルがありません。VPC にはメインルートテーブルがちょうど 1 つあり (どれか 1 つのテーブルに `main: true` を付けてください)、明示的な関連付けのないサブネットはそれを使います。
diag-multiple_main_route_tables = { $first } と { $table } の両方がメインになっています。VPC のメインルートテーブルは 1 つだけです。
diag-duplicate_association = { $case ->
    [twice] { $table } に { $subnet } が 2 回書かれています。サブネットとルートテーブルの関連付けは 1 回だけです。
   *[two_tables] { $subnet } が { $first } と { $table } の両方に明示的に関連付けられています。サブネットを同時に関連付けられるルートテーブルは 1 つだけです。
}
diag-duplicate_route_destination = { $case ->
    [gateway_endpoint] { $table } には { $destination } へのルートがあり、さらにゲートウェイエンドポイント { $endpoint } も同じ送信先のルートを追加します。ルートテーブルには送信先ごとに 1 つのルートしか入りません (書いたルートを削除するか、エンドポイントの route_tables から { $table } を外してください)。
    [edit_written] { $table } にはすでに { $destination } へのルート (→ { $target }) があります。そのターゲットを置き換えるか、先に削除してください。
    [edit_local] { $table } にはすでに { $destination } へのローカルルートがあります。代わりにそのターゲットを置き換えてください。
    [edit_gateway_endpoint] { $table } にはすでにゲートウェイエンドポイント { $endpoint } による { $destination } へのルートがあります。このルートは AWS が管理します ({ $table } から { $endpoint } を切り離すと消えます)。
    [edit_attach] { $table } にはすでに { $destination } へのルート (→ { $target }) があるため、{ $endpoint } は自分のルートを追加できません。
   *[written] { $table } に { $destination } へのルートが複数あります。ルートテーブルには送信先ごとに 1 つのルートしか入りません。
}
diag-unknown_target = { $case ->
    [other_igw] { $table } の { $destination } へのルートのターゲットは { $target } ですが、VPC のインターネットゲートウェイは { $igw } です。VPC のインターネットゲートウェイは 1 つだけです。
    [no_igw] { $table } の { $destination } へのルートのターゲットは { $target } ですが、VPC にインターネットゲートウェイがありません (`internet_gateway: (id: "{ $target }")` を追加してください)。
   *[missing] { $table } の { $destination } へのルートのターゲット { $target } は、この VPC の{ $a_kind }ではありません。
}
diag-derived_route_target = { $case ->
    [gateway_endpoint] { $table } の { $destination } へのルートのターゲットがゲートウェイエンドポイント { $endpoint } になっています。ゲートウェイエンドポイントのルートは AWS が自動で追加するもので、手で書くことはできません。代わりにエンドポイントの route_tables に { $table } を入れてください。
    [edit_gateway_endpoint] ゲートウェイエンドポイント { $endpoint } へのルートは AWS が管理します。ルートを書く代わりに、{ $endpoint } を { $table } にアタッチしてください。
    [edit_add_local] { $destination } へのルートのターゲットを local にはできません。local をターゲットにするのは VPC の CIDR のローカルルートだけで、それは AWS が作成します。
    [edit_replace_local] { $destination } は VPC の CIDR ではないため、そのルートのターゲットを local にはできません。
   *[local] { $table } の { $destination } へのルートのターゲットが local になっています。ローカルルートは VPC の CIDR ブロックから自動で作られるもので、シナリオには書きません (VPC 内の通信をアプライアンスに通すには、VPC の CIDR へのルートを NatGateway、NetworkInterface、GatewayLoadBalancerEndpoint のどれかのターゲットで書いてください)。
}
diag-invalid_local_route_target = { $table } の { $destination } (VPC の CIDR) へのルートのターゲットが { $target } になっています。ローカルルートのターゲットを置き換えられるのは、NAT ゲートウェイ、ネットワークインターフェイス、Gateway Load Balancer エンドポイントだけです。
diag-route_inside_vpc_not_subnet = { $table } の { $destination } へのルートは { $vpc_cidr } のローカルルートより具体的ですが、どのサブネットの CIDR とも一致しません。ローカルルートより具体的なルートは、サブネットの CIDR ブロック全体と一致する必要があります。
diag-invalid_subnet_route_target = { $table } の { $destination } ({ $subnet }) へのルートのターゲットが { $target } になっています。ローカルルートより具体的なルートのターゲットは、NAT ゲートウェイ、ネットワークインターフェイス、Gateway Load Balancer エンドポイントのどれかである必要があります。
diag-cross_region_unsupported = { $endpoint } は { $region } の { $service } へのインターフェイスエンドポイントですが、{ $service } は AWS PrivateLink でリージョンをまたいで接続できません。リージョンをまたいで使えるサービス: { $supported }
diag-prefix_list_unmanaged = { $table } には pl-{ $service } へのルートがありますが、{ $service } には AWS マネージドプレフィックスリストがありません。プレフィックスリストがあるのは、ゲートウェイエンドポイントのあるサービス (S3、DynamoDB、シナリオで s3express を有効にしたときの S3 Express One Zone) だけです。
diag-prefix_list_empty = { $table } の pl-{ $service } へのルートはどの宛先にも一致しません。{ $region } の { $service } に CIDR がありません (`services` でサービスに `cidrs` を指定してください)。
diag-service_cidr_inside_vpc = { $service } の CIDR { $cidr } は VPC の CIDR { $vpc_cidr } の中にあります。AWS はサブネットのルートテーブルで VPC の CIDR より具体的なプレフィックスリストのエントリを無視するため、これらのアドレスは VPC 内のアドレスとしてルーティングされます。

## アドレス

reserved-broadcast = ブロードキャストアドレスとして
reserved-network = ネットワークアドレスとして
reserved-router = VPC ルーター用に
reserved-dns = Amazon DNS サーバー用に
reserved-future = 将来の利用のために
diag-ip_outside_subnet = { $owner } のアドレス { $ip } は、所属するサブネット { $subnet } ({ $cidr }) の範囲外です。プライベート IPv4 アドレスはサブネットの CIDR ブロックから割り当てます。
diag-ip_reserved = { $owner } のアドレス { $ip } は、{ $subnet } ({ $cidr }) で AWS が{ $use }予約しています。AWS はどのサブネットでも先頭の 4 つと最後の 1 つのアドレスを予約します。
diag-ip_in_use = { $owner } のアドレス { $ip } はすでに { $other } が使っています。プライベート IPv4 アドレスを持てるネットワークインターフェイスは 1 つだけです。
diag-subnet_out_of_addresses = { $subnet } ({ $cidr }) で使えるアドレスは { $usable } 個ですが、ネットワークインターフェイスが { $wanted } 個あります。AWS はどのサブネットでも 5 つのアドレスを予約し、残りのアドレスをインターフェイスが 1 つずつ使います。

## VPC のパブリックアクセスをブロック

diag-bpa_exclusion_unknown_subnet = パブリックアクセスのブロックの除外 { $exclusion } が指定している { $subnet } は、この VPC のサブネットではありません。除外は VPC か、その VPC のサブネットに設定します。
diag-bpa_exclusion_twice = { $resource } にパブリックアクセスのブロックの除外が 2 つあります。このモデルでは VPC やサブネットごとに除外は 1 つです (追加せずに、既存の除外のモードを変えてください)。

## NAT ゲートウェイ

diag-nat_without_subnet = { $nat } はゾーン NAT ゲートウェイですが、サブネットがありません。ゾーン NAT ゲートウェイは 1 つのサブネットに作成します (または `availability_mode: regional` を指定してください)。
diag-regional_nat_with_subnet = { $nat } はリージョナル NAT ゲートウェイですが、サブネット { $subnet } が指定されています。リージョナル NAT ゲートウェイはサブネットではなく VPC に作成します。
diag-regional_nat_private = { $nat } は接続タイプがプライベートのリージョナル NAT ゲートウェイです。リージョナル NAT ゲートウェイはパブリックだけです (プライベート NAT にはゾーン NAT ゲートウェイを使ってください)。
diag-regional_nat_without_igw = { $nat } はリージョナル NAT ゲートウェイですが、{ $vpc } にインターネットゲートウェイがありません。リージョナル NAT ゲートウェイには、VPC にアタッチされたインターネットゲートウェイが必要です。
diag-public_nat_without_igw_route = { $nat } は { $subnet } にあるパブリック NAT ゲートウェイですが、そのルートテーブル { $table }{ $explicit ->
    [yes] {""}
   *[no] {" "}(メインルートテーブル: { $subnet } には明示的な関連付けがありません)
} に{ $has_igw ->
    [yes] インターネットゲートウェイへのルートがありません
   *[no] インターネットゲートウェイへのルートがなく、{ $vpc } にもインターネットゲートウェイがありません
}。NAT ゲートウェイから出るトラフィックは NAT ゲートウェイ自身のサブネットのルートテーブルでルーティングされるため、この NAT ゲートウェイはインターネットに出られません。

## Ingress Routing と Gateway Load Balancer

diag-unknown_gateway = { $table } はゲートウェイ { $gateway } に関連付けられていますが、これは VPC のインターネットゲートウェイ{ $has_igw ->
    [yes] {" "}({ $igw })
   *[no] {""}
} ではありません。
diag-duplicate_gateway_association = { $case ->
    [edit] { $gateway } はすでに { $other } に関連付けられています。先に関連付けを解除してください。
   *[tables] { $table } と { $other } の両方が { $gateway } に関連付けられています。ゲートウェイに関連付けられるルートテーブルは 1 つまでです。
}
diag-main_table_edge_association = { $table } はメインルートテーブルです。AWS はメインルートテーブルをゲートウェイに関連付けません。
diag-edge_route_invalid = { $table } はエッジルートテーブル ({ $gateways } に関連付け) なので、ルート { $destination } → { $target } は使えません。ゲートウェイルートテーブルが送れるのは、VPC の CIDR かサブネットの CIDR を、ネットワークインターフェイスか Gateway Load Balancer エンドポイントに向けるルートだけです。
diag-unknown_gwlb_endpoint = { $gwlb } がエンドポイント { $endpoint } を指定していますが、これはこの VPC の GWLB エンドポイントではありません。
diag-gwlb_endpoint_two_load_balancers = { $endpoint } が { $other } と { $gwlb } の両方に書かれています。GWLB エンドポイントが接続するエンドポイントサービスは 1 つ、つまり Gateway Load Balancer も 1 つです。
diag-duplicate_appliance_az = { $gwlb } に { $az } のアプライアンスが 2 回書かれています。

## エンドポイント

diag-unknown_service = { $case ->
    [route] { $table } の pl-{ $service } へのルートはサービス { $service } を指していますが、このサービスはカタログにありません (`services` に CIDR と一緒に追加してください)。
    [expect] `to: { $to }` は、カタログやシナリオのサービス、SERVICE@REGION、既知のグローバル名、IPv4 アドレスや CIDR、workload:NAME、ディレクトリバケット (NAME--AZ ID--x-s3) のどれでもありません。
    [workload] ワークロード { $workload } が必要とする { $service } は、カタログにもシナリオにもないサービスです。
    [gateway_endpoint] { $endpoint } のサービス { $service } はカタログにありません。ゲートウェイエンドポイントがあるのは Amazon S3 (s3)、DynamoDB (dynamodb)、S3 Express One Zone (s3express。シナリオの services: [(name: "s3express")] で有効にします) だけです。
   *[interface_endpoint] { $endpoint } のサービス { $service } はカタログにありません (`services` に追加してください)。
}
diag-gateway_endpoint_service = { $endpoint } は { $service } のゲートウェイエンドポイントですが、{ $service } にはゲートウェイエンドポイントがありません。ゲートウェイエンドポイントがあるのは Amazon S3 (s3)、DynamoDB (dynamodb)、S3 Express One Zone (s3express) だけです。代わりにインターフェイスエンドポイントを使ってください。
diag-gateway_endpoint_without_ranges = { $endpoint } のプレフィックスリストは空です。カタログに { $region } の { $service } のアドレス範囲がないため、このルートはどの宛先にも一致しません (`services` でサービスに `cidrs` を指定してください)。
diag-unknown_route_table = { $endpoint } がルートテーブル { $table } を指定していますが、このテーブルは VPC にありません。
diag-duplicate_gateway_endpoint_route = { $case ->
    [twice] { $endpoint } にルートテーブル { $table } が 2 回書かれています。
    [edit_attached] { $endpoint } はすでに { $table } にアタッチされています。
    [edit_other_endpoint] { $table } にはすでにゲートウェイエンドポイント { $other } による { $destination } へのルートがあります。ルートテーブルに入るゲートウェイエンドポイントは、サービスごとに 1 つだけです。
   *[other_endpoint] { $table } にはすでにゲートウェイエンドポイント { $other } による pl-{ $service } へのルートがあるため、{ $endpoint } をこのテーブルにアタッチできません。ルートテーブルに入るゲートウェイエンドポイントのルートは、サービスごとに 1 つだけです。
}
diag-gateway_endpoint_dns_hostnames_off = { $vpc } にはゲートウェイエンドポイント ({ $endpoints }) がありますが、enable_dns_hostnames がオフです。AWS のドキュメントでは、Amazon DNS サーバーを使う場合、ゲートウェイエンドポイントには enableDnsSupport と enableDnsHostnames の両方をオンにする必要があります。
diag-interface_endpoint_service = { $endpoint } は { $service } のインターフェイスエンドポイントですが、{ $service } にはインターフェイスエンドポイントがありません。
diag-interface_endpoint_without_subnets = { $endpoint } にサブネットがないため、ネットワークインターフェイスがなく、どこからも到達できません。必要な AZ ごとにサブネットを選んでください。
diag-endpoint_subnets_same_az = { $case ->
    [twice] { $endpoint } に { $subnet } が 2 回書かれています。インターフェイスエンドポイントが使えるサブネットは、アベイラビリティーゾーンごとに 1 つまでです。
    [edit_twice] { $endpoint } はすでに { $subnet } にネットワークインターフェイスを持っています。
    [edit_other_subnet] { $endpoint } はすでに { $az } にサブネット ({ $other }) を持っています。インターフェイスエンドポイントが使えるサブネットは、AZ ごとに 1 つまでです。
   *[other_subnet] { $endpoint } はすでに { $az } にサブネット ({ $other }) を持っているため、{ $subnet } も使うことはできません。インターフェイスエンドポイントが使えるサブネットは、アベイラビリティーゾーンごとに 1 つまでです。
}
diag-private_dns_unsupported = { $endpoint } はプライベート DNS がオンですが、{ $description } ({ $service }) のインターフェイスエンドポイントはプライベート DNS に対応していません。エンドポイントに `private_dns: false` を指定し (既定値は true です)、クライアントにはエンドポイント自身の vpce-… の DNS 名を使わせてください。
diag-private_dns_conflict = { $endpoint } と { $other } は、どちらもプライベート DNS がオンの { $service } のインターフェイスエンドポイントです。VPC にはすでにこのサービス名のプライベートホストゾーンがあるため、AWS は 2 つ目を拒否します (どちらかのプライベート DNS をオフにしてください)。
diag-private_dns_vpc_attributes_off = { $endpoint } はプライベート DNS がオンですが、{ $vpc } の{ $off ->
    [both] {" "}enable_dns_support と enable_dns_hostnames
    [support] {" "}enable_dns_support
   *[hostnames] {" "}enable_dns_hostnames
} がオフです。プライベート DNS には VPC の両方の属性がオンである必要があるため、サービスの既定の名前はパブリックアドレスに解決されます。
diag-inbound_resolver_option_unsupported = { $endpoint } は private_dns_only_for_inbound_resolver_endpoint を指定していますが、AWS がこのオプションを提供しているのはゲートウェイエンドポイントとインターフェイスエンドポイントの両方があるサービス (S3) だけで、{ $service } にはありません。
diag-inbound_resolver_option_needs_private_dns = { $endpoint } はプライベート DNS がオフのまま private_dns_only_for_inbound_resolver_endpoint を指定しています。このオプションはプライベート DNS の範囲を狭めるものなので、プライベート DNS をオンにする必要があります。
diag-inbound_resolver_option_without_gateway_endpoint = { $endpoint } は private_dns_only_for_inbound_resolver_endpoint を指定していますが、VPC に { $service } のゲートウェイエンドポイントがありません。このとき VPC 内の DNS はサービスのパブリックアドレスを返すため、AWS はゲートウェイエンドポイントを必須としています。

## シナリオが評価に求めること

diag-unknown_instance = `from: { $from }` は、インスタンスの ID や名前、サブネット ID、サブネット内のアドレスのどれでもありません。
diag-ambiguous_instance = { $name } という名前のインスタンスが { $count } 個あります。`from` にはインスタンス ID を書いてください。
diag-invalid_verdict = 判定 { $verdict } は { $known } のどれでもありません。
diag-invalid_cross_az = cross_az { $cross_az } は { $known } のどれでもありません。
diag-invalid_source = 出典 { $source } は https の URL ではありません。期待値には、その根拠となる AWS のページを出典として書きます。
diag-empty_workload = ワークロード { $workload } にサービスが 1 つもありません。

## 存在しないものを指す編集、AWS が拒否する編集

diag-not_found = { $kind } { $id } はありません。{ $count ->
    [0] シナリオに{ $kinds }はありません。
   *[other] 存在する{ $kinds }: { $known }{ $more ->
        [0] {""}
       *[other] 、… (ほか { $more } 件)
    }
}
diag-no_internet_gateway = インターネットゲートウェイ { $id } はありません。{ $has_igw ->
    [yes] VPC のインターネットゲートウェイは { $igw } です。
   *[no] VPC にインターネットゲートウェイがありません。
}
diag-no_route = { $table } に { $destination } へのルートはありません。このテーブルのルート: { $routes }{ $more ->
    [0] {""}
   *[other] 、… (ほか { $more } 件)
}
diag-no_endpoint_subnet = { $endpoint } は { $subnet } にネットワークインターフェイスを持っていません。{ $count ->
    [0] このエンドポイントにはサブネットがありません。
   *[other] このエンドポイントのサブネット: { $subnets }{ $more ->
        [0] {""}
       *[other] 、… (ほか { $more } 件)
    }
}
diag-not_attached = { $endpoint } は { $table } にアタッチされていません。{ $count ->
    [0] どのルートテーブルにもアタッチされていません。
   *[other] アタッチ先: { $tables }{ $more ->
        [0] {""}
       *[other] 、… (ほか { $more } 件)
    }
}
diag-not_associated = { $table } は { $gateway } に関連付けられていません。
diag-no_appliances = { $gwlb } には { $az } のアプライアンスがありません。
diag-az_already_failed = AZ { $az } はすでに障害中です{ $listed_otherwise ->
    [yes] {" "}({ $listed } として記録)
   *[no] {""}
}。
diag-az_not_failed = AZ { $az } は障害中ではありません。
diag-gateway_endpoint_route_managed = { $table } の { $destination } へのルートはゲートウェイエンドポイント { $endpoint } のものです。代わりに { $endpoint } のルートテーブルを変更してください。
diag-local_route_not_deletable = ローカルルートは削除できません。{ $table } は { $destination } を常に VPC 内にルーティングします (ターゲットの置き換えはできます)。

## セキュリティグループとネットワーク ACL (aws-semantics.md §5b)

what-rule-cidr = ルールの CIDR
diag-unknown_security_group = { $case ->
    [attached] { $id } にセキュリティグループ { $group } が指定されていますが、VPC にそのセキュリティグループはありません (あるもの: { $known })。
   *[rule] { $group } の { $direction } ルール { $index } がセキュリティグループ { $id } を参照していますが、VPC にそのセキュリティグループはありません (あるもの: { $known })。ルールが参照できるのは、実在するセキュリティグループだけです。
}
diag-too_many_association_security_groups = サービスネットワークの VPC 関連付け { $id } にセキュリティグループが { $count } 個あります。VPC Lattice では 1 つの関連付けに付けられるのは最大 { $max } 個です (引き上げできないクォータです)
diag-too_many_security_groups = { $id } にセキュリティグループが { $count } 個あります。ネットワークインターフェイス 1 つに付けられるのは { $max } 個までです (デフォルトのクォータ)。
diag-too_many_security_group_rules = { $group } に { $direction } ルールが { $count } 個あります。セキュリティグループ 1 つのルールは、インバウンドとアウトバウンドでそれぞれ { $max } 個までです (デフォルトのクォータ)。
diag-unknown_rule_prefix_list = { $group } の { $direction } ルール { $index } が { $prefix_list } を参照していますが、AWS はそのサービスのマネージドプレフィックスリストを公開していません (あるのは S3 と DynamoDB だけです)。
diag-bad_port_range = { $id } の { $direction } ルール { $rule }: ポート範囲 { $from }-{ $to } は { $protocol } には指定できません。ポートは tcp と udp だけに、開始が終了以下になるように指定します。
diag-multiple_default_network_acls = { $acls } がすべてデフォルトになっています。VPC のデフォルトネットワーク ACL は 1 つだけです。
diag-subnet_multiple_network_acls = { $subnet } が { $first } と { $second } の両方に関連付けられています。サブネットに関連付けられるネットワーク ACL は、同時に 1 つだけです。
diag-network_acl_rule_number = { $acl } の { $direction } ルール番号 { $number } は範囲外です。ルール番号は 1 から 32766 までです (32767 は最後の `*` ルールです)。
diag-network_acl_rule_number_duplicate = { $acl } に番号 { $number } の { $direction } ルールが 2 つあります。ルール番号は方向ごとに重複できません。
diag-too_many_network_acl_rules = { $acl } に { $direction } ルールが { $count } 個あります。ネットワーク ACL のルールは方向ごとに { $max } 個までです。
diag-network_acl_rules_over_default_quota = { $acl } に { $direction } ルールが { $count } 個あります。デフォルトのクォータは方向ごとに { $max } 個です (40 個まで引き上げられます)。ルールが多いほど遅延が増えます。
diag-bad_ephemeral_ports = エフェメラルポートの範囲 { $from }-{ $to } は正しくありません。クライアントが使う最初と最後のポートを 1 から 65535 の範囲で指定してください。
diag-no_such_rule = { $id } にルール { $rule } はありません。
diag-group_already_attached = { $group } はすでに { $id } にアタッチされています。
diag-group_not_attached = { $group } は { $id } にアタッチされていません。
diag-last_security_group = { $group } は { $id } の唯一のセキュリティグループです。ネットワークインターフェイスには少なくとも 1 つのセキュリティグループが必要です (先に別のグループをアタッチしてください)。
diag-policy_invalid = { $case ->
    [json] { $id } のポリシーが正しい JSON ではありません (行 { $line }、列 { $column })。AWS が受け付けるのは JSON のポリシードキュメントだけです
    [no_statement] { $id } のポリシーに Statement がありません。ポリシードキュメントには 1 つ以上のステートメントが必要です
   *[statement] { $id } のポリシー: ステートメント { $index } に正しい { $element } が必要です (Effect は Allow か Deny。エンドポイントポリシーとバケットポリシーには Principal が必須。Action と NotAction のどちらか一方。Resource)
}
diag-policy_too_long = { $id } のポリシーは { $count } 文字あります。AWS が許可するのは最大 { $max } 文字です
diag-invalid_bucket_name = { $bucket } は S3 のバケット名として正しくありません。3～63 文字の英小文字、数字、ピリオド、ハイフンで、先頭と末尾は英小文字か数字です
diag-duplicate_bucket = バケット { $bucket } が 2 回指定されています。バケット名は一意です
diag-elastic_ip_on_private_nat = { $nat } はプライベート NAT ゲートウェイですが Elastic IP があります。Elastic IP を持つのはパブリック NAT ゲートウェイだけです
diag-dhcp_server_invalid = DHCP オプションセット { $options } の DNS サーバーに { $server } が指定されています。domain-name-servers に指定できるのは IPv4 アドレスか AmazonProvidedDNS です。
diag-hosted_zone_twice = プライベートホストゾーン { $zone } の名前 { $name } は、VPC の別のゾーンと同じです。Route 53 では、同じ名前のゾーンを 1 つの VPC に 2 つ関連付けることはできません (ConflictingDomainExists)。
diag-hosted_zone_record_outside = プライベートホストゾーン { $zone } ({ $name }) に、ゾーンの外の名前 { $record } のレコードがあります。レコードの名前は、ゾーンの名前そのものか、その下の名前でなければなりません。
diag-hosted_zone_alias_unknown_endpoint = プライベートホストゾーン { $zone } のレコード { $record } は { $endpoint } へのエイリアスですが、{ $endpoint } はこのシナリオのインターフェイスエンドポイントではありません。この VPC のエンドポイントを指定するか、エンドポイントが別の VPC にある場合は Alias("…") にエイリアス先の DNS 名を書いてください。
diag-hosted_zone_conflicts_private_dns = プライベートホストゾーン { $zone } は { $name } のゾーンですが、この名前には { $endpoint } のプライベート DNS が応答します。AWS ではこの 2 つを同時に使えません (プライベート DNS 自体がこの名前のプライベートホストゾーンだからです)。自分のゾーンで応答させるには、{ $endpoint } のプライベート DNS をオフにしてください。
diag-ipv6_subnet_size = { $subnet } の IPv6 CIDR ブロックは { $cidr } です。サブネットの IPv6 ブロックは /44 から /64 まで、4 刻みで指定します (多くのサブネットは VPC の /56 から /64 を切り出します)。
diag-ipv6_subnet_outside_vpc = { $vpc_has_ipv6 ->
    [true] { $subnet } の IPv6 ブロック { $cidr } は { $vpc } のどの IPv6 ブロックにも含まれていません。サブネットの IPv6 ブロックは VPC のブロックから切り出します。
   *[false] { $subnet } に IPv6 ブロック { $cidr } がありますが、{ $vpc } には IPv6 ブロックがありません。先に VPC に IPv6 ブロックを関連付けてください (ipv6_cidrs)。
}
diag-ipv6_subnet_overlap = { $subnet } の IPv6 ブロック { $cidr } が { $other } のブロックと重なっています。サブネット同士のブロックは重なりません。
diag-ipv6_only_without_block = { $subnet } は IPv6 専用サブネットですが、IPv6 ブロックがありません。IPv6 専用サブネットには IPv6 ブロックが必要です (ipv6_cidr)。
diag-dns64_without_ipv6 = { $subnet } では DNS64 がオンですが、IPv6 ブロックがありません。DNS64 は IPv6 のクライアントに応答する機能なので、このサブネットでは何も変わりません。
diag-egress_only_ipv4_route = { $table } は { $destination } を Egress-Only インターネットゲートウェイ { $target } に向けています。Egress-Only インターネットゲートウェイが運ぶのは IPv6 だけなので、IPv6 のルート (ipv6_routes) にだけ指定できます。
diag-ipv6_route_without_vpc_block = { $table } に IPv6 のルート { $destination } → { $target } がありますが、{ $vpc } には IPv6 ブロックがありません。先に VPC に IPv6 ブロックを関連付けてください。
diag-ipv6_route_twice = { $table } に { $destination } の IPv6 ルートが 2 つあります。ルートテーブルには送信先ごとにルートは 1 つです。
diag-ipv6_route_target_unknown = { $table } の IPv6 ルート { $destination } → { $target } のターゲットが VPC にありません (egress_only_internet_gateways の Egress-Only インターネットゲートウェイ、VPC のインターネットゲートウェイ、NAT ゲートウェイ、ネットワークインターフェイス、GWLB エンドポイントを指定します。local とゲートウェイエンドポイントのルートは自動で作られます)。
diag-ipv6_address_outside_subnet = { $has_block ->
    [true] { $instance } の IPv6 アドレス { $address } は { $subnet } の IPv6 ブロック { $cidr } に含まれていません。
   *[false] { $instance } に IPv6 アドレス { $address } がありますが、{ $subnet } には IPv6 ブロックがありません。
}
diag-subnet_without_ipv4_cidr = { $subnet } には IPv4 ブロック (cidr) がありません。IPv4 ブロックなしで作れるのは IPv6 専用サブネット (ipv6_only: true と ipv6_cidr を指定) だけです。
diag-ipv4_without_subnet_block = { $owner } には { $subnet } の IPv4 アドレスが必要ですが、{ $subnet } には IPv4 ブロックがありません (IPv6 専用サブネット)。IPv4 ブロック (cidr) のあるサブネットに置いてください。
diag-ipv4_in_ipv6_only_subnet = { $instance } に IPv4 アドレスがありますが、{ $subnet } は IPv6 専用サブネットです。ここのネットワークインターフェイスには IPv6 アドレスしか付きません。
diag-endpoint_ip_type_subnet = { $endpoint } の IP アドレスタイプは { $type } ですが、{ $subnet } ではそのアドレスを割り当てられません。ipv4 には IPv4 の範囲を持つサブネット、dualstack には IPv4 と IPv6 の両方を持つサブネット、ipv6 には IPv6 専用サブネットが必要です。
diag-endpoint_ipv6_address = { $endpoint } の { $subnet } にあるネットワークインターフェイスの IPv6 アドレス { $address } が、サブネットの IPv6 ブロックの外にあります (または、エンドポイントの IP アドレスタイプに IPv6 がありません)。
diag-endpoint_dns_record_type = { $endpoint } の DNS レコードの IP タイプは { $records }、IP アドレスタイプは { $type } です。ipv4 のレコードには ipv4 か dualstack のエンドポイント、ipv6 のレコードには ipv6 か dualstack のエンドポイント、dualstack と service-defined のレコードには dualstack のエンドポイントが必要です。
diag-invalid_family = family { $family } は { $known } のどれでもありません。
diag-ipv6_route_target_deleted = { $table } の IPv6 ルート { $destination } → { $target } のターゲットは、シナリオにもうありません。AWS ではこのようなルートはブラックホールと表示され、このモデルでもブラックホールとして扱います。

# The topology panel: a subnet box shows the first instances, then how many more it holds.
topology-more-instances = ほか { $more } 台のインスタンス
