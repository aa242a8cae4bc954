### `vpc-tui import aws`: インポート時の警告 (ルールコードごとに 1 つのメッセージ `diag-<rule>`。
### コードの一覧は docs/aws-import-fields.md) と、コマンド自身が表示する行。
### `$case` はそのルールのどの場面かを選びます。`$id` は警告の対象のリソース (またはファイル) です。
### ID、フィールド名、API の値、呼び出し名は引数か、AWS の表記のままです。

## 警告

diag-aws_not_modelled = { $case ->
    [service_zone] { $id }: プライベートホストゾーン { $name } は { $service } が管理するゾーンです (インターフェイスエンドポイントのプライベート DNS もこの種のゾーンで、エンドポイント自体でモデル化しています)。インポートしません。
    [delegate_rule] { $id }: { $domain } の DELEGATE ルールです。応答は VPC の外のリゾルバーから来るため、転送ルールとしてインポートします (応答はモデル化しません)。
    [routing_policy] { $id }: { $name } のレコードにはルーティングポリシー (加重、フェイルオーバーなど) があります。モデルには最初に載っているものだけを残します。
    [record_value] { $id }: A レコード { $name } の値 { $value } は IPv4 アドレスではありません。この値はインポートしません。
    [zonal_alias] { $id }: レコード { $name } は、ゾーン別のエンドポイント名 { $target } (1 つの AZ のネットワークインターフェイス) へのエイリアスです。モデルの外へのエイリアスとしてインポートします。
    [dhcp_no_servers] { $id }: DHCP オプションセットに domain-name-servers がありません。AmazonProvidedDNS とみなします。
    [bpa_exclusions_not_allowed] { $id }: パブリックアクセスのブロックのオプションが ExclusionsAllowed: not-allowed (宣言型ポリシー) なので、この除外は効きません。インポートしません。
    [bpa_exclusion_twice] { $id }: 同じ VPC またはサブネットに対する 2 つ目のパブリックアクセスのブロックの除外です。モデルには最初のものだけを残します。インポートしません。
    [edge_association] { $id }: { $gateway } とのエッジの関連付けはインポートしません。このモデルが読み込むゲートウェイルートテーブルは、VPC のインターネットゲートウェイのものだけです。
    [gateway_endpoint_service] { $id }: { $service } のゲートウェイエンドポイントはインポートしません。このモデルが扱うゲートウェイエンドポイントは、このリージョンの S3、DynamoDB、S3 Express One Zone のものだけです。
    [gateway_endpoint_no_service] { $id }: ServiceName のないゲートウェイエンドポイントはインポートしません。
    [gwlb_health] { $id }: Gateway Load Balancer エンドポイントの先にあるアプライアンスが正常かどうかは、EC2 の出力からはわかりません。正常でステートフルなものとして扱います (変えるには、シナリオに gateway_load_balancers を書いてください)。
    [instance_interfaces] { $id } にはネットワークインターフェイスが { $count } 個あります。このモデルはプライマリのもの (SubnetId と PrivateIpAddress) だけを使います。
    [peer_group] { $id }: ルールがセキュリティグループ { $peer } を指定していますが、これはこの VPC のものではありません (ピアリング先の VPC や別のアカウントのもの)。このルールはインポートしません。
    [propagated] { $id }: 仮想プライベートゲートウェイから伝達された { $count } 件のルートを、静的ルートとしてインポートしました。このモデルには伝達されたルートがありません (AWS は、プレフィックス長が同じなら、伝達されたルートを静的ルートやプレフィックスリストのルートより低く扱います)。
    [remote_service] { $id }: { $region } の { $service } へのインターフェイスエンドポイントは、カタログにないサービスのため、インポートしません。
    [route_no_target] { $id }: { $destination } へのルートには、インポーターが知っているターゲットのフィールドがありません。このルートはインポートしません。
   *[route_target] { $id }: { $destination } へのルートのターゲット { $field } { $value } は、モデルにない種類のターゲットです。このルートはインポートしません。
}

diag-aws_state_not_modelled = { $case ->
    [ipv6_cidr] { $id }: IPv6 ブロック { $cidr } の状態は { $state } で、有効ではありません。インポートしません。
    [resolver_rule_gone] { $id }: Resolver ルールの関連付けは { $state } で、有効ではありません。インポートしません。
    [resolver_rule_pending] { $id }: Resolver ルールの関連付けは { $state } です。有効なものとしてインポートします。
    [bpa_updating] { $id }: パブリックアクセスのブロックのモードは更新中です (update-in-progress)。{ $mode } としてインポートします。
    [bpa_exclusion_gone] { $id } は { $state } で、有効ではありません。インポートしません。
    [bpa_exclusion_pending] { $id } は { $state } です。有効なものとしてインポートします。
    [association] { $id }: { $with } との関連付けの状態が { $state } のため、インポートしません。
    [main_association] { $id }: メインの関連付けの状態が { $state } のため、インポートしません。
    [endpoint_gone] { $id } の状態が { $state } のため、インポートしません。そこへのルートはブラックホールになります。
    [endpoint_pending] { $id } の状態は { $state } ですが、available としてインポートします。
    [instance_gone] { $id } の状態が { $state } のため、インポートしません。
    [instance_stopped] { $id } の状態は { $state } ですが、実行中としてインポートします (経路は、起動したときのものです)。
    [nat_gone] { $id } の状態が { $state } のため、インポートしません。AWS での表示と同じく、そこへのルートはブラックホールになります。
    [nat_gone_code] { $id } の状態が { $state } ({ $code }) のため、インポートしません。AWS での表示と同じく、そこへのルートはブラックホールになります。
    [nat_pending] { $id } はまだ pending ですが、available としてインポートします。
   *[vpc_cidr] { $id }: CIDR ブロック { $cidr } の状態が { $state } で、関連付けられていないため、インポートしません。
}

diag-aws_ipv6_not_modelled = { $case ->
    [subnet_block] { $id }: IPv6 ブロック { $cidr } は、describe-vpcs の出力にある VPC のどの IPv6 ブロックにも含まれないため、インポートしません。
    [endpoint_type] { $id }: IP アドレスタイプ { $type } がインポートしたサブネットに合わないため、ipv4 としてインポートします。
    [subnet_without_block] { $id }: IPv4 の CIDR ブロックがなく、IPv6 専用サブネット (Ipv6Native) としての IPv6 ブロックも VPC のブロックの中にないため、インポートしません。
   *[ipv6_routes] { $id }: IPv6 のルート { $count } 件はインポートしません。VPC に IPv6 ブロックがないか、送信先を解釈できないか、ターゲットがこのモデルで IPv6 として追えないものです。
}

diag-aws_unknown_value = { $case ->
    [endpoint_no_state] { $id } には状態がないため、インポートしません。そこへのルートはブラックホールになります。
    [endpoint_state] { $id } の状態 "{ $value }" はインポーターが知らない値のため、インポートしません。そこへのルートはブラックホールになります。
    [endpoint_type] { $id }: VpcEndpointType "{ $value }" は知らない値のため、インポートしません。
    [route_value] { $id }: { $destination } へのルートの { $field } "{ $value }" は知らない値のため、{ $fallback } とみなします。
   *[value] { $id }: { $field } "{ $value }" はインポーターが知らない値のため、{ $fallback } としてインポートします。
}

diag-aws_unknown_field = { $case ->
    [association] { $id }: ルートテーブルの関連付けのフィールド { $fields } は、インポーターが準拠する EC2 API リファレンスにないため、無視します。
    [dns_options] { $id }: DnsOptions のフィールド { $fields } は、インポーターが準拠する EC2 API リファレンスにないため、無視します。
    [endpoint] { $id }: VPC エンドポイントのフィールド { $fields } は、インポーターが準拠する EC2 API リファレンスにないため、無視します。
    [nat_gateway] { $id }: NAT ゲートウェイのフィールド { $fields } は、インポーターが準拠する EC2 API リファレンスにないため、無視します。
   *[route] { $id }: ルートのフィールド { $fields } は、インポーターが準拠する EC2 API リファレンスにないため、無視します。
}

diag-aws_unknown_file = { $case ->
   *[keys] { $id } は、vpc-tui が読み込む呼び出しの出力ではないため、無視します (トップレベルのキー: { $keys })。
}

diag-aws_pagination_cut = { $case ->
   *[next_token] { $id } に NextToken があります。ページ分割で出力が途中で切れているため、リソースが欠けています。--max-items や --page-size を付けずに呼び出し直してください (AWS CLI がすべてのページを取得します)。
}

diag-aws_missing_input = { $case ->
    [dhcp_options] { $id } は DHCP オプションセット { $options } を使っていますが、describe-dhcp-options の出力にありません。AmazonProvidedDNS とみなします。
    [no_dhcp_options] { $id }: DHCP オプションセット { $options } の `aws ec2 describe-dhcp-options` の出力がないため、AmazonProvidedDNS とみなします。このコマンドの出力にセットの domain-name-servers があります。
    [no_hosted_zones] { $id }: `aws route53 list-hosted-zones-by-vpc` の出力がないため、VPC に関連付けられたプライベートホストゾーンはないものとみなします。このコマンドの出力にゾーンの一覧があります。
    [no_resolver_rules] { $id }: `aws route53resolver list-resolver-rule-associations` の出力がないため、VPC に適用される Resolver ルールはないものとみなします。このコマンドの出力 (と list-resolver-rules の出力) に適用されるルールがあります。
    [no_bpa_options] { $id }: `aws ec2 describe-vpc-block-public-access-options` の出力がないため、「VPC のパブリックアクセスをブロック」 (BPA) はオフとみなします。このコマンドの出力にリージョンのモードがあります。
    [no_bpa_exclusions] { $id }: `aws ec2 describe-vpc-block-public-access-exclusions` の出力がないため、BPA ({ $mode }) の除外はないものとみなします。このコマンドの出力に除外の一覧があります。
    [resolver_rule] { $id }: 関連付けられた Resolver ルール { $rule } が list-resolver-rules の出力にありません。インポートしません。
    [zone_records] { $id }: プライベートホストゾーン { $name } の `aws route53 list-resource-record-sets` の出力がないため、レコードがわかりません。このゾーンの名前は NXDOMAIN ではなく「モデル化していません」とします。このゾーンについてのこのコマンドの出力にレコードがあります。
    [record_sets_zone] { $id }: list-hosted-zones-by-vpc のどのゾーンのものでもない list-resource-record-sets の出力です (SOA レコードもファイル名もゾーンを示していません)。インポートしません。
    [attached_group] { $id } はセキュリティグループ { $group } を指定していますが、describe-security-groups の出力にはこの VPC のものとして載っていません。このグループは外します。
    [endpoint_enis] { $id }: インターフェイスエンドポイントのネットワークインターフェイスの一部が describe-network-interfaces の出力にないため、そのアドレスはモデルが選びます。
    [endpoint_subnet] { $id }: サブネット { $subnet } は VPC のサブネットにないため、外します。
    [endpoint_table] { $id }: ルートテーブル { $table } は VPC のルートテーブルにないため、外します。
    [gwlb_endpoint_subnet] { $id }: VPC のサブネットにない Gateway Load Balancer エンドポイントは、インポートしません。
    [inferred_endpoint] { $id }: describe-vpc-endpoints の出力がないため、そこへのプレフィックスリストのルートから { $service } のゲートウェイエンドポイントがあるとみなします。
    [instance_subnet] { $id }: サブネットが VPC のサブネットにないため、インポートしません。
    [interface_endpoint_no_service] { $id }: ServiceName のないインターフェイスエンドポイントは、インポートしません。
    [lattice_arn] { $id }: ResourceConfigurationArn や ServiceNetworkArn のない { $kind } エンドポイントは、インポートしません。
    [lattice_domain] { $id }: { $arn } のカスタムドメイン名がある vpc-lattice get-resource-configuration の出力がありません。クライアントはエンドポイント自身の DNS 名を使うことになり、モデルはその名前に応答しないため、プライベート DNS はオフとして扱います。
    [lattice_associations] { $id }: サービスネットワーク { $arn } の有効な関連付けが、vpc-lattice list-service-network-service-associations や -resource-associations の出力にありません。エンドポイントの接続先を名前で示せないため、インポートしません。
    [lattice_association_arn] { $id }: サービスネットワークの VPC 関連付けに serviceNetworkArn がなく、サービスの関連付けの出力からもサービスネットワークがわからないため、インポートしません。
    [nat_no_subnet] { $id }: SubnetId のないゾーン NAT ゲートウェイは、インポートしません。
    [nat_subnet] { $id }: ゾーン NAT ゲートウェイのサブネット { $subnet } が VPC のサブネットにないため、インポートしません。
    [no_region] { $id }: リージョンが describe-availability-zones にもサブネットにも書かれていないため、{ $region } とみなします。
    [no_route_tables] { $id }: `aws ec2 describe-route-tables` の出力がないため、メインルートテーブルがありません。
    [no_subnets] { $id }: `aws ec2 describe-subnets` の出力がないため、VPC にサブネットがありません。
    [route_destination] { $id }: 送信先のないルートはインポートしません。
    [route_endpoint] { $id }: { $destination } へのルートのターゲット { $target } は、VPC のゲートウェイエンドポイントにも Gateway Load Balancer エンドポイントにもない ID です。ブラックホールとしてインポートします。
    [route_eni] { $id }: { $destination } へのルートのターゲット { $target } は、この VPC の describe-network-interfaces の出力にないネットワークインターフェイスです。ブラックホールとしてインポートします。
    [route_igw] { $id }: { $destination } へのルートのターゲット { $target } を VPC にアタッチしている describe-internet-gateways の出力がありません。VPC のインターネットゲートウェイとみなします。
    [route_eigw] { $id }: { $destination } へのルートのターゲット { $target } を VPC にアタッチしている describe-egress-only-internet-gateways の出力がありません。VPC の Egress-Only インターネットゲートウェイとみなします。
    [route_nat] { $id }: { $destination } へのルートのターゲット { $target } は、インポートした VPC の NAT ゲートウェイにありません。ブラックホールとしてインポートします。
    [route_prefix_list] { $id }: { $destination } へのルートのプレフィックスリストは、AWS のサービスのものでも、エントリが与えられたもの (get-managed-prefix-list-entries の出力を、そのプレフィックスリストの ID を含む名前のファイルに保存したもの) でもないため、インポートしません。
    [rule_prefix_list] { $id }: ルールが指定するプレフィックスリスト { $prefix_list } のエントリがファイルにない (get-managed-prefix-list-entries) ため、このルールはインポートしません。
   *[vpc_attribute] { $id }: `aws ec2 describe-vpc-attribute --attribute { $attribute }` の出力がないため、{ $attribute } は true とみなします。{ $attribute ->
        [enableDnsHostnames] デフォルト VPC やコンソールの VPC ウィザードで作成した VPC と同じですが、それ以外の方法で作成した VPC では初期状態でオフです。
       *[other] どの VPC でもこれが初期値です。
    }
}

diag-aws_bad_value = { $case ->
    [ipv6_cidr] { $id }: IPv6 ブロック "{ $value }" を解釈できないため、インポートしません。
    [ipv6_address] { $id }: IPv6 アドレス "{ $value }" を解釈できないため、インポートしません。
    [acl_entry] { $id }: エントリ { $number } を読み取れないため、インポートしません。
    [endpoint_no_ip] { $id }: サブネット { $subnet } にある { $endpoint } のネットワークインターフェイスにプライベート IP がありません。アドレスはモデルが選びます。
    [endpoint_ip] { $id }: { $endpoint } のネットワークインターフェイスのプライベート IP { $ip } がサブネット { $subnet } にありません。アドレスはモデルが選びます。
    [endpoint_ipv6] { $id }: { $endpoint } のネットワークインターフェイスの IPv6 アドレス { $ip } が、サブネット { $subnet } の IPv6 ブロックにありません。取り込みません (モデルではサブネットのブロックで表します)。
    [lattice_port] { $id }: リソース設定のポート範囲 "{ $value }" を読み取れないため、除外します。
    [instance_ip] { $id }: プライベート IP { $ip } がそのサブネット { $subnet } にないため、このアドレスはインポートしません。
    [route_cidr] { $id }: ルートの送信先 { $destination } は IPv4 の CIDR ではないため、インポートしません。
    [rule_cidr] { $id }: ルールの CidrIp { $value } は IPv4 の CIDR ではないため、インポートしません。
   *[vpc_cidr] { $id }: CIDR ブロック "{ $value }" は IPv4 の CIDR ではないため、無視します。
}

diag-aws_reconcile_mismatch = { $case ->
    [endpoint_cidr] { $id }: { $destination } へのルートのターゲットがゲートウェイエンドポイント { $target } です。AWS はゲートウェイエンドポイントへのルートをプレフィックスリストでしか作らないため、このルートはインポートしません。
    [endpoint_service] { $id }: { $destination } へのルート (ターゲット { $target }) のプレフィックスリストは { $list_service } のものですが、エンドポイントは { $service } のものです。モデルは { $service } のルートを作ります。
    [endpoint_table_no_route] { $id }: ルートテーブル { $table } が指定されていますが、{ $table } にはこのエンドポイントへのルートがありません。ルートはモデルが作ります。
    [endpoint_table_other_route] { $id }: ルートテーブル { $table } が指定されていますが、{ $table } の { $service } のプレフィックスリストへのルートはこのエンドポイントに向いていません。そのルートを残し、このテーブルは関連付けません。
    [endpoint_table_unlisted] { $id }: { $table } にはこのエンドポイントへのルートがありますが、エンドポイントは { $table } を指定していません。このテーブルをエンドポイントに追加します。
    [local_route] { $id }: { $destination } へのルートのターゲットは local ですが、送信先は VPC の CIDR ブロックではありません。ローカルルートはモデルが VPC の CIDR から作るため、このルートはインポートしません。
    [no_local_route] { $id }: AWS の出力に { $cidr } のローカルルートがありませんが、ローカルルートはどのルートテーブルにもあります。モデルが作ります。
    [other_igw] { $id }: { $destination } へのルートのターゲット { $target } は VPC のインターネットゲートウェイ ({ $igw }) ではありません。ブラックホールとしてインポートします。
    [private_dns] { $id }: PrivateDnsEnabled は true ですが、{ $service } のインターフェイスエンドポイントにはプライベート DNS がありません。プライベート DNS をオフにしてインポートします。
   *[route_twice] { $id }: { $destination } へのルートが 2 回出てきます。最初のものを使います。
}

diag-aws_prefix_list_expanded = { $case ->
   *[routes] { $id }: カスタマーマネージドプレフィックスリスト { $prefix_list } へのルートを、{ $count } 件の CIDR へのルートとしてインポートしました。プレフィックス長が同じとき、AWS はこれを静的ルートより低く扱いますが、モデルは同等に扱います。
}

diag-aws_service_cidrs = { $case ->
   *[entries] { $id } ({ $name }): { $service } の CIDR を、カタログのものではなくプレフィックスリスト ({ $count } 件のエントリ) から取りました。
}

diag-aws_service_added = { $case ->
    [unknown_service] { $id }: { $service } はカタログにないため、インターフェイスエンドポイント経由でだけ届くサービスとして追加します (パブリックな CIDR はありません)。
   *[endpoint_service] { $id }: { $service } はカタログのサービスではなく、エンドポイントサービスです。この名前で、パブリックな CIDR のないサービスとして追加します。DNS 名は推測です。
}

diag-aws_ambiguous_name = { $case ->
   *[instances] { $id } という名前のインスタンスが { $count } 台あります。--from にはインスタンス ID を指定してください。
}

diag-aws_entries_without_prefix_list = { $case ->
   *[file_name] { $id } にはプレフィックスリストのエントリがありますが、get-managed-prefix-list-entries の出力にはどのプレフィックスリストのものかが書かれておらず、ファイル名にも pl-… の ID がありません。ファイル名をプレフィックスリストの ID にしてください (entries-pl-0123abcd.json)。
}
diag-aws_bucket_policy_unnamed = { $case ->
   *[file_name] { $id } にはバケットポリシーがありますが、Resource の ARN からも、ファイル名からも、どのバケットのものかがわかりません。ファイル名を bucket-policy-NAME.json にしてください。
}
diag-aws_bucket_policy_twice = { $case ->
   *[second] { $id } はバケット { $bucket } の 2 つ目のポリシーです。取り込みません。
}

## コマンド自身が表示する行

import-read = { $file } を読み込みました: { $call }
import-read-unrecognised = { $file } を読み込みましたが、vpc-tui が読み込む呼び出しの出力ではありません
import-summary = { $path }: サブネット { $subnets } 個、ルートテーブル { $tables } 個、エンドポイント { $endpoints } 個、インスタンス { $instances } 台 (警告 { $warnings } 件)
import-cannot-write = 書き込めません: { $error }
cli-give-scenario = SCENARIO か --aws DIR を指定してください

## インポートしたシナリオのタイトルと説明

import-title = { $vpc } (AWS からインポート)
import-title-named = { $vpc } ({ $name }、AWS からインポート)
import-description = { $region } の { $vpc } について、AWS CLI の describe 系コマンドの出力から `vpc-tui import aws` でインポートしました。AWS の出力にあるローカルルートと、ゲートウェイエンドポイントのプレフィックスリストへのルートは、モデルが改めて作ります。

## インポートできないとき

import-error-io = { $path } を読み込めません: { $error }
import-error-not-an-object = { $path } は `aws ec2` の呼び出しの出力ではありません。トップレベルは {"{"}"Vpcs": [...]{"}"} のような JSON オブジェクトである必要があります。
import-error-empty-directory = { $path }: このディレクトリには .json ファイルがありません。
import-error-no-vpc = ファイルの中に `aws ec2 describe-vpcs` の出力がありません。VPC の ID と CIDR ブロックはこの出力から取ります。
import-error-several-vpcs = ファイルには { $count } 個の VPC ({ $vpcs }) があります。--vpc VPC_ID で 1 つ選んでください。
import-error-unknown-vpc = --vpc { $wanted }: その VPC はファイルにありません。ファイルにある VPC: { $known }

## ファイルを書き込めなかったとき (システムのメッセージはそのまま表示します)

save-error-io = { $path }: { $error }
save-error-not-regular = { $path } は{ $kind ->
        [directory] ディレクトリ
        [fifo] 名前付きパイプ (FIFO)
        [socket] ソケット
        [block_device] ブロックデバイス
        [char_device] キャラクターデバイス
       *[other] 通常のファイル以外のもの
    }で、通常のファイルではないため、置き換えませんでした。
save-error-changed = { $path } は、読み込んだ後にディスク上で変更されています (別のプログラムが変更しましたか？)。上書きしませんでした。
save-error-is-input = { $path } はこのインポートの入力ファイルの 1 つです。上書きしませんでした。
