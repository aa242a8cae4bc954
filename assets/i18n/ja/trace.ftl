# 経路の説明文 (評価器が返す事実から src/explain/trace.rs が組み立てます)。
# ID・コード・CIDR・サービス名は変数で渡され、そのまま表示されます。
# 用語は docs/glossary-ja.md に従います。

## 共通の部品

list-sep = 、
then-sep = {" "}→{" "}
az-with-id = { $name } ({ $zone })
resolver = Amazon 提供の DNS サーバー ({ $address })
resolver-unknown = Amazon 提供の DNS サーバー
ranges-more = { $list } ほか (全 { $total } 範囲)
ranges-none = このリージョンにはパブリックアドレスがありません
ranges-illustrative = { $ranges }。説明用の仮の範囲
addresses-count = { $count } 個のアドレス ({ $first } ほか)
ranges-count = { $count } 個の範囲 ({ $first } ほか)
routed-service = { $name } ({ $cidr })
routed-eni = エンドポイントの ENI { $ip }
route = { $destination } → { $target }
routes-more = { $routes } ほか { $more } 件
eni-in = { $ip } ({ $az })
eni-az = { $ip } ({ $az })

## 送信元

who-instance = { $id } ({ $name })
who-new-instance = { $subnet } に置いた新しいインスタンス
who-new-instance-public = { $subnet } に置いた、パブリック IPv4 アドレスを持つ新しいインスタンス
who-address-instance = { $address } ({ $instance })
who-new-instance-here = 新しいインスタンス

## 経路の各ステップ

hop-source = { $who }: { $subnet } ({ $cidr })、{ $az }。{ $public ->
    [yes] パブリック IPv4 アドレスあり
   *[no] パブリック IPv4 アドレスなし
}
dns-enis = { $name } を問い合わせると、{ $resolver } は { $endpoint } の ENI のプライベート IP を返します (プライベート DNS がオン): { $enis }
dns-lattice = { $name } を問い合わせると、{ $resolver } は VPC Lattice のリンクローカルアドレス (AWS マネージドプレフィックスリスト { $prefix_list } に含まれるアドレス) を返します。VPC がサービスネットワークに関連付けられている ({ $association }) ので、ルートテーブルのエントリも VPC 内のネットワークインターフェイスも使いません
dns-public = { $name } を問い合わせると、{ $resolver } は { $service } のパブリックアドレスを返します ({ $ranges })
dns-public-because = { $answer }。理由: { $why }
dns-enis-zone = { $name } を問い合わせると、{ $resolver } はプライベートホストゾーン { $zone } から応答します。レコード { $record } は { $endpoint } を指しているので、その ENI のプライベート IP を返します: { $enis }
dns-zone = { $zone } ({ $zone_name })
stop-dns_name_not_found = { $name } を問い合わせましたが、VPC に関連付けられたプライベートホストゾーン { $zone } ({ $zone_name }) にこの名前のレコードがないため、Resolver は NXDOMAIN を返します (パブリック DNS には問い合わせません)
dns-outside-custom_servers = { $name } を問い合わせると、DHCP オプションセット { $options } がインスタンスに渡す DNS サーバー { $servers } { $amazon ->
    [yes] と AmazonProvidedDNS のどちらに問い合わせるかはクライアント次第です
   *[no] が応答します。Amazon 提供のリゾルバーではないので、プライベートホストゾーンもプライベート DNS も使われません
}。応答はモデルの外にあります (モデル化していません)
dns-outside-forwarded = { $name } を問い合わせると、Resolver ルール { $rule } が { $domain } を VPC の外のリゾルバー { $targets } に転送します。その応答はモデルの外にあります (モデル化していません)
dns-outside-record-addresses = { $name } を問い合わせると、プライベートホストゾーン { $zone } は { $ips } を返しますが、モデル内のどのインターフェイスエンドポイントのアドレスでもありません。その先はモデル化していません
dns-outside-record-alias = { $name } を問い合わせると、プライベートホストゾーン { $zone } はモデルの外にある { $target } へのエイリアスで応答します (共有 VPC のエンドポイントなど)。モデル化していません
dns-outside-record-cname = { $name } を問い合わせると、プライベートホストゾーン { $zone } は { $target } への CNAME で応答します。vpc-tui はこの先の名前をたどらないため、モデル化していません
dns-outside-record-wildcard = { $name } を問い合わせると、プライベートホストゾーン { $zone } にはこの名前のレコードはありませんが、応答しうるワイルドカードレコードがあります。ワイルドカードの一致はモデル化していません
dns-outside-record-other_service = { $name } を問い合わせると、プライベートホストゾーン { $zone } は { $endpoint } で応答しますが、これは問い合わせた名前ではなく { $service } のインターフェイスエンドポイントです。モデル化していません
dns-outside-zone_without_hostnames = { $name } を問い合わせると、プライベートホストゾーン { $zone } が該当しますが、{ $vpc } の enableDnsHostnames がオフです。AWS はプライベートホストゾーンにこの設定を必須としており、オフのときに Resolver が何を返すかは書かれていません (モデル化していません)
dns-outside-lattice_association_and_endpoint = { $name } を問い合わせました。VPC のサービスネットワークの関連付け { $association } とエンドポイント { $endpoint } の両方がこの名前を扱います。クライアントがどちらの応答を受け取るかは、確認した AWS のページに書かれていないため、モデル化していません
dns-outside-zone_records_unknown = { $name } を問い合わせると、プライベートホストゾーン { $zone } ({ $zone_name }) が該当しますが、モデルはこのゾーンのレコードをすべては持っていません (records_unknown: たとえば list-resource-record-sets の出力なしでインポートした場合)。持っているレコードにこの名前のものはなく、ゾーンが応答するか NXDOMAIN を返すかはわかりません (モデル化していません)
dns-outside-lattice_without_private_dns = { $name } を問い合わせました。{ $endpoint } がこの名前を扱いますが、プライベート DNS がオフです (または VPC の DNS 属性がオフです)。クライアントはエンドポイント自身の DNS 名を使う必要があり、{ $name } が何に解決されるかはモデルの外です (モデル化していません)
why-private-dns-off = { $endpoint } のプライベート DNS がオフです
why-private-dns-unsupported = このサービスのインターフェイスエンドポイント ({ $endpoint }) にはプライベート DNS がありません
why-dns-hostnames-off = enableDnsHostnames (DNS ホスト名) がオフなので、{ $endpoint } のプライベート DNS は効きません
why-inbound-resolver-only = { $endpoint } のプライベート DNS はインバウンド Resolver エンドポイント専用です
why-other-region = { $region } の名前で、この VPC ({ $home }) のどのエンドポイントも対象にしていません
why-global-name = グローバルな名前なので、{ $region } のサービスのアドレスに解決されます
why-directory-bucket = { $zone } にあるディレクトリバケットのゾーンエンドポイントです。S3 Express One Zone へはパブリックアドレスで接続し、s3express のゲートウェイエンドポイントがあればそのルートで VPC 内から送られます
assoc-explicit = { $subnet } は { $table } に明示的に関連付けられています
assoc-main = { $subnet } には明示的な関連付けがないので、メインルートテーブル { $table } を使います
assoc-forwarder = { $by } は自分のサブネットのルートテーブルで転送します: { $subnet } は { $table } を使用 ({ $main ->
    [yes] メインルートテーブル、暗示的な関連付け
   *[no] 明示的な関連付け
})
decision = { $dest } → { $route } → { $target } ({ $rule })
decision-matched = { $route } ({ $cidr })
decision-also = { $decision }。ほかに一致したルート: { $others }
decision-none = { $dest } に一致するルートはありません
rule-only_match = 一致したのはこのルートだけ
rule-longest_prefix = プレフィックスの最長一致 /{ $len }
rule-static_over_prefix_list = 長さが同じなら静的ルートがプレフィックスリストより優先
rule-arbitrary_prefix_list = 同じ長さのプレフィックスリストのどれを選ぶかは AWS 次第
rule-no_route = ルートなし
hop-gateway-endpoint = { $id }: ゲートウェイエンドポイント (リージョン単位。ENI も IP アドレスも持たず、ルートのターゲットになるだけです)。{ $service } には送信元のプライベートアドレスが見えるので、バケットポリシーでは aws:VpcSourceIp を使います
hop-interface-endpoint = { $id }: インターフェイスエンドポイント (AWS PrivateLink)。クライアントは次の ENI のどれかに接続します: { $enis }
hop-resource-endpoint-enis = { $id }: リソースエンドポイント (VPC Lattice)。クライアントは次の ENI のどれかに接続します: { $enis }
hop-service-network-endpoint-enis = { $id }: サービスネットワークエンドポイント (VPC Lattice)。クライアントは次の ENI のどれかに接続します: { $enis }
hop-lattice = { $id }: { $kind ->
    [resource] リソースエンドポイント。プロバイダーの VPC にあるリソースゲートウェイを通って、リソース設定 { $arn } ({ $service }) に接続します
    [vpc_association] サービスネットワークの VPC 関連付け。この VPC 内のネットワークインターフェイスを使わずに、サービスネットワーク { $arn } を通って { $service } に接続します
   *[service_network] サービスネットワークエンドポイント。サービスネットワーク { $arn } を通って { $service } に接続します
}{ $ports_known ->
    [yes] 。利用できる TCP ポート: { $ports }
   *[no] {""}
}
hop-nat-zonal = { $id }: { $public ->
    [yes] { $subnet } ({ $az }) にあるパブリック NAT ゲートウェイ。送信元を自分の Elastic IP アドレスに変換します
   *[no] { $subnet } ({ $az }) にあるプライベート NAT ゲートウェイ。送信元を自分のプライベート IP に変換します。インターネットには出られません
}
hop-nat-regional = { $id }: リージョナル{ $public ->
    [yes] パブリック
   *[no] プライベート
} NAT ゲートウェイ (VPC の各 AZ にまたがり、1 つの AZ が止まっても動き続けます)。送信元をパブリックアドレスに変換します
hop-gwlb-endpoint = { $id }: { $subnet } ({ $az }) にある Gateway Load Balancer エンドポイント
hop-inspection = { $lb } のアプライアンスがトラフィックを検査し、{ $id } に戻します ({ $cross ->
    [yes] クロスゾーン負荷分散オン
   *[no] クロスゾーン負荷分散オフ: この AZ のアプライアンスだけが担当
}、{ $stateful ->
    [yes] ステートフル
   *[no] ステートレス
})
hop-inspection-unknown = Gateway Load Balancer の先のアプライアンスがトラフィックを検査し、{ $id } に戻します
hop-network-interface = { $id }: { $subnet } ({ $az }) にあるアプライアンスのネットワークインターフェイス。{ $nat ->
    [yes] パブリック IPv4 アドレスを持つので、NAT インスタンスとして転送します
   *[no] トラフィックをそのまま転送します
}
hop-internet-gateway = { $id }: インターネットゲートウェイ (リージョン単位)
hop-service = { $service } のパブリックエンドポイント { $dns }
hop-internet = インターネット上の { $address }
hop-address = { $address }: { $subnet } ({ $cidr }、{ $az }) 内
hop-address-held = { $address }: { $subnet } ({ $cidr }、{ $az }) 内の{ $holder }
holder-instance = インスタンス { $id }
holder-network-interface = ネットワークインターフェイス { $id }
holder-interface-endpoint = { $id } の ENI
return-route = 戻り経路: { $from } から { $to } への応答は、{ $table } のルート { $route } で送られます。{ $symmetric ->
    [yes] アプライアンスを通って戻ります (対称)
   *[no] { $endpoint } を通りません。{ $stateful ->
        [yes] ステートフルなアプライアンスは応答を見られないので、通信を破棄します
       *[no] アプライアンスはステートレスなので、通信は成立します
    }
}
return-no-route = 戻り経路: { $from } から { $to } への応答に対し、{ $table } にはルートがありません。{ $stateful ->
    [yes] ステートフルなアプライアンスは応答を見られないので、通信を破棄します
   *[no] アプライアンスはステートレスなので、通信は成立します
}
return-gateway-endpoint = 戻り経路: ゲートウェイエンドポイント { $from } は応答をローカルルートで { $to } に直接届けるので、どのルートテーブルでも { $endpoint } を経由させられません。{ $stateful ->
    [yes] ステートフルなアプライアンスは応答を見られないので、通信を破棄します
   *[no] アプライアンスはステートレスなので、通信は成立します
}
return-no-edge-table = 戻り経路: { $from } にはエッジの関連付けをしたルートテーブルがないので、{ $to } への応答はローカルルートで入り、{ $endpoint } を通りません。{ $stateful ->
    [yes] ステートフルなアプライアンスは応答を見られないので、通信を破棄します
   *[no] アプライアンスはステートレスなので、通信は成立します
}

## 経路が止まる場所

stop-source_az_failed = { $source } は利用できません: AZ { $az } で障害が起きています
stop-directory_bucket_without_gateway_endpoint = モデル化していません: { $bucket } への経路は s3express のゲートウェイエンドポイントを通らず、{ $via ->
    [partial] 一部だけが届きます
   *[other] { $via }経由で届きます
}。AWS のページにはディレクトリバケットへのゲートウェイエンドポイント経由のアクセスしか書かれておらず、この経路のリクエストがどうなるかは書かれていません
stop-directory_bucket_az_failed = { $bucket } は利用できません。S3 Express One Zone のディレクトリバケットで、障害の起きた { $az } にあります。バケットはこの 1 つのゾーンにしかないため、どの AZ からも到達できません (ゲートウェイエンドポイントはリージョン単位なので動いています)
stop-lattice_port_not_offered = { $endpoint } のリソース設定 { $arn } が受け付けるのは TCP ポート { $ranges } だけです。{ $tcp ->
    [yes] ポート { $port } は含まれていません
   *[no] この通信は TCP ではありません
}
stop-dns_disabled = { $vpc } で enableDnsSupport (DNS 解決) がオフです。Amazon 提供の DNS サーバーが応答しないので、{ $name } は名前解決できません
stop-endpoint_without_enis = { $by_zone ->
    [yes] プライベートホストゾーン { $zone } は { $name } に { $endpoint } で応答しますが、{ $endpoint } にはサブネットがないため、応答する ENI がありません
   *[no] { $endpoint } はプライベート DNS がオンですがサブネットがありません。{ $name } に応答する ENI がありません
}
stop-endpoint_without_ipv4 = { $by_zone ->
    [yes] プライベートホストゾーン { $zone } は { $name } に { $endpoint } で応答しますが、{ $endpoint } の ENI はすべて IPv6 専用サブネットにあり、IPv4 アドレスを持ちません。IPv4 で問い合わせても A レコードはありません
   *[no] { $endpoint } の ENI はすべて IPv6 専用サブネットにあり、IPv4 アドレスを持ちません。{ $name } を IPv4 で問い合わせても A レコードはありません (IPv6 で問い合わせてください)
}
stop-enis_all_failed = { $name } を問い合わせると { $by_zone ->
    [yes] プライベートホストゾーン { $zone } が指す { $endpoint } の ENI が返るはずですが
   *[no] { $endpoint } のプライベート DNS が ENI を返すはずですが
}、どの ENI も障害の起きた AZ にあります ({ $enis })
stop-no_public_addresses = { $service } には { $region } のパブリックアドレスがありません。届くのはプライベート DNS を有効にしたインターフェイスエンドポイントだけです
stop-no_route = { $table } には { $dest } へのルートがありません。このテーブルのルート: { $routes }
stop-no_route-no-igw = パブリック NAT ゲートウェイのサブネットのルートテーブル { $table } には、{ $dest } へのルートがありません。このテーブルのルート: { $routes }。{ $igw ->
    [yes] VPC のインターネットゲートウェイへのルートが必要です
   *[no] インターネットゲートウェイへのルートが必要ですが、VPC にはインターネットゲートウェイもありません
}
stop-only_local_route = { $dest } は { $table } のローカルルートにしか一致しません。サービスのアドレス範囲が VPC の CIDR と重なっています
stop-blackhole = { $table } のルート { $route } はブラックホールです。トラフィックは破棄されます
stop-target_missing = { $table } のルート { $route } はブラックホールです: { $target } は存在しないか、VPC にアタッチされていません
stop-target_without_subnet = { $table } のルート { $route } はブラックホールです: { $target } にはサブネットがありません
stop-private_address_to_internet = { $dest } はプライベートアドレスです。{ $table } のルート { $route } では届きません
stop-no_public_ip = { $table } のルート { $route } はインターネットゲートウェイに向いていますが、送信元にパブリック IPv4 アドレスがないため、インターネットゲートウェイで破棄されます
stop-private_nat_at_internet_gateway = { $table } のルート { $route } はインターネットゲートウェイに向いていますが、プライベート NAT ゲートウェイを通ったトラフィックはインターネットゲートウェイを使えず、破棄されます
stop-nat_az_failed = { $table } のルート { $route } の先の { $nat } は、障害の起きた AZ { $az } にあります
stop-regional_nat_all_azs_failed = { $table } のルート { $route } の先のリージョナル NAT ゲートウェイ { $nat } は、すべての AZ で障害が起きています
stop-regional_nat_without_internet_gateway = リージョナル NAT ゲートウェイ { $nat } には VPC のインターネットゲートウェイが必要ですが、VPC にはありません
stop-private_nat_no_internet = { $nat } はプライベート NAT ゲートウェイなので、インターネットには出られません
stop-gwlb_endpoint_az_failed = { $table } のルート { $route } の先の { $endpoint } は、障害の起きた AZ { $az } にあります
stop-appliances_down = { $table } のルート { $route } の先の { $endpoint } のアプライアンスが停止しています。トラフィックを検査して戻すものがありません
stop-no_healthy_appliance = { $table } のルート { $route } の先の { $lb } には、{ $cross ->
    [yes] 正常な AZ に正常なアプライアンスがありません
   *[no] { $az } に正常なアプライアンスがありません。クロスゾーン負荷分散がオフ (AWS のデフォルト) なので、ほかの AZ のアプライアンスは { $endpoint } のトラフィックを受け持ちません
}
stop-appliance_az_failed = { $table } のルート { $route } の先の { $eni } は、障害の起きた AZ { $az } にあります
stop-routing_loop = ルーティングループ: { $table } が { $cidr } をもう一度 { $target } に送ります ({ $route })
stop-walk_limit = { $steps } ステップ目で { $table } に達しました。モデルのルートの数を超えたので、ここで打ち切りました (このシナリオを報告してください)
stop-address_in_no_subnet = { $table } のルート { $route } で { $address } は VPC 内に配送されますが、そのアドレスを含むサブネットがありません
stop-address_az_failed = { $address } は { $subnet } ({ $az }) にあり、その AZ で障害が起きています
stop-leaves_vpc = { $table } のルート { $route }: { $target } から VPC の外に出ます。その先はモデルの範囲外です

## 判定の理由 (要約の 1 行)

why-reach-interface = インターフェイスエンドポイント { $endpoint } 経由で { $to } に到達します (ENI { $count } 個、{ $cross })
why-reach-resource = リソースエンドポイント { $endpoint } 経由で { $to } に到達します (ENI { $count } 個、{ $cross })。エンドポイントより先はモデルの外です
why-reach-association = VPC のサービスネットワーク関連付け { $association } 経由で { $to } に到達します (VPC Lattice のリンクローカルアドレスを使い、この VPC 内に AZ ごとのリソースはありません)。関連付けのセキュリティグループとその先はモデルの外です
why-reach-service-network = サービスネットワークエンドポイント { $endpoint } 経由で { $to } に到達します (ENI { $count } 個、{ $cross })。エンドポイントより先はモデルの外です
why-reach-through = { $hops } 経由で { $to } に到達します
why-reach-local = { $table } のルート { $route } で、{ $address } に VPC 内で配送されます
through-gateway_endpoint = ゲートウェイエンドポイント { $id }
through-nat_gateway = NAT ゲートウェイ { $id }
through-gwlb_endpoint = GWLB エンドポイント { $id }
through-network_interface = ネットワークインターフェイス { $id }
through-internet_gateway = インターネットゲートウェイ { $id }
through-egress_only_internet_gateway = Egress-Only インターネットゲートウェイ { $id }
why-partial = { $to } には一部だけ到達できます。アドレス範囲によって経路が違います: { $parts }
why-reachable-parts = { $to } のすべてのアドレス範囲に到達できます。経路は { $count } 通りです: { $parts }
why-blocked-parts = { $to } のどのアドレス範囲にも到達できません: { $parts }
partial-part = { $what } → { $outcome }
partial-rest = 残り ({ $count } 個の CIDR)
why-workload-reachable = { $name } のすべてのサービスに到達できます: { $each }
workload-part-via = { $to } は{ $via }経由
why-workload-failed = { $name } はすべてのサービスに届く必要があります: { $each }
why-workload-failed-some = { $name } はすべてのサービスに届く必要があります: { $each }。到達できるもの: { $ok }
workload-part-failed = { $to } は{ $outcome } ({ $why })
part-sep = 。

## 経路についての注記

note-private_dns_off = { $endpoint } はありますがプライベート DNS がオフです。{ $name } はパブリックアドレスに解決されます。{ $endpoint } に届くのは、その vpce-… の DNS 名を使ったときだけです
note-private_dns_unsupported = { $service } のインターフェイスエンドポイントにはプライベート DNS がありません。{ $name } はパブリックに解決されます。使うには、アプリケーションに { $endpoint } の vpce-… の DNS 名を設定する必要があります
note-dns_hostnames_off = { $endpoint } はプライベート DNS がオンですが、{ $vpc } で enableDnsHostnames (DNS ホスト名) がオフです。プライベート DNS には両方の属性が必要なので、デフォルトの名前はパブリックに解決されます
note-dns_hostnames_off-gateway = { $vpc } で enableDnsHostnames (DNS ホスト名) がオフです。AWS は、Amazon DNS サーバーとゲートウェイエンドポイントを使うとき、DNS の両方の属性をオンにするよう求めています
note-inbound_resolver_only = { $endpoint } がプライベートに解決するのは、インバウンド Resolver エンドポイント経由の問い合わせだけです。VPC 内では名前はパブリックアドレスに解決され、ルートテーブルが経路を決めます
note-arbitrary_prefix_list_choice = { $table } で、2 つのプレフィックスリストが { $cidr } を含み、ターゲットが違います。AWS はどちらかを任意に選んで使い続けます。ここでは最初のものを表示しています
note-failed_az_enis_dropped = 障害の起きた AZ にある { $endpoint } の ENI は、DNS の応答から外れます: { $enis }
note-illustrative_cidrs = AWS は { $service } のアドレス範囲を公開していません。表示している CIDR は説明用の仮のものです
note-ignored_prefix_list_entries = { $table } の { $prefix_list }: VPC の CIDR の内側に入るエントリは無視されます
note-cross_az_dependency = { $resource } は { $az } にあります。この経路はその AZ に依存し、AZ 間のデータ転送料金がかかります
note-cross_az_dependency-enis = 送信元の AZ には { $resource } の ENI がありません。届きはしますが AZ をまたぎ (AZ 間のデータ転送に課金されます)、別の AZ に依存します
note-other_region = { $region } の { $service } は、この VPC のエンドポイントの対象外です。ゲートウェイエンドポイントもインターフェイスエンドポイントも { $home } だけを対象にするので、そのアドレスはほかのルートで送られます
note-global_name_not_covered = { $endpoint } は { $regional } のプライベート DNS を持ちますが、{ $name } はリージョンのプライベート DNS の対象外のグローバルな名前です。パブリックアドレスに解決されます
note-asymmetric_return_stateless = 応答はリクエストの通った { $endpoint } を通りませんが、アプライアンスがステートレスなので通信は成立します
note-return_not_evaluated = リージョナル NAT ゲートウェイ { $nat } から GWLB エンドポイントに戻る経路は、モデルの範囲外です
note-public_endpoint_stays_on_aws = インターネットゲートウェイ経由 (パブリックエンドポイント) でも、AWS のサービスへのトラフィックは AWS のネットワーク内にとどまります
note-policy_limits_requests = { $kind ->
    [endpoint] { $owner } のエンドポイントポリシーは一部のリクエストだけを許可します ({ $statement } で決まります)
   *[bucket] バケット { $owner } のバケットポリシーは、ここからのリクエストの一部を拒否します ({ $statement })
}。個別のリクエストは --action と --resource で確認してください

## `check` のテキスト出力

text-part = 部分
text-notes = 注記:
text-not-evaluated = 評価していない層: { $layers }
matrix-instance = インスタンス
matrix-legend = ok:gwe ゲートウェイエンドポイント · ok:vpce インターフェイスエンドポイント (~ 別の AZ に向かうことがある、! 常に別の AZ) · ok:nat NAT ゲートウェイ · ok:igw インターネットゲートウェイ · ok:local VPC 内で配送 · ok:mixed ワークロードの部分ごとに経路が異なる · PARTIAL アドレス範囲によって経路が違う · X:<理由> 到達不可 · ?:<理由> モデル化していません · leaves: VPC の外へ · down: 送信元の AZ で障害
matrix-legend-lattice = ok:res リソースエンドポイント · ok:sn サービスネットワークエンドポイント · ok:sna サービスネットワークの VPC 関連付け (~ AZ をまたぐことがある、! 常に別の AZ へ。その先はモデルの外)
matrix-family-ipv6 = すべてのセルを IPv6 で評価しています (--family ipv6)。ok:eigw は Egress-Only インターネットゲートウェイです。
matrix-family-auto = 各セルはクライアントが選ぶ IP バージョンで評価しています (--family auto)。/6 は IPv6 を使ったセル、ok:eigw は Egress-Only インターネットゲートウェイです。

## セキュリティグループとネットワーク ACL (aws-semantics.md §5b)

traffic-ports = { $protocol }/{ $ports }
traffic-protocol = { $protocol ->
    [all] すべてのトラフィック
   *[other] { $protocol }
}
sg-rule = { $group } のルール { $index } ({ $direction ->
    [egress] { $peer } への
   *[ingress] { $peer } からの
} { $traffic })
acl-rule-item = { $acl } { $direction ->
    [outbound] アウトバウンド
   *[inbound] インバウンド
} { $number }: { $direction ->
    [outbound] { $cidr } への
   *[inbound] { $cidr } からの
} { $traffic } を{ $allow ->
    [yes] 許可
   *[no] 拒否
}
sg-rules-more = ほか { $count } 件
hop-security-group = { $interface } の{ $direction ->
    [egress] アウトバウンド
   *[ingress] インバウンド
} ({ $groups }): { $direction ->
    [egress] { $peer } への
   *[ingress] { $peer } からの
} { $traffic } を { $rule } が許可しています
stop-security_group = { $interface } の{ $direction ->
    [egress] アウトバウンド
   *[ingress] インバウンド
} ({ $groups }): { $direction ->
    [egress] { $peer } への
   *[ingress] { $peer } からの
} { $traffic } を許可するルールがありません。{ $total ->
    [0] このセキュリティグループには、この方向のルールが 1 つもありません
   *[other] ルール: { $rules }
}
acl-check = { $reply ->
    [yes] 戻り: { $acl } の{ $direction ->
        [outbound] アウトバウンド
       *[inbound] インバウンド
    }
   *[no] { $acl } の{ $direction ->
        [outbound] アウトバウンド
       *[inbound] インバウンド
    }
}ルール { $rule } が { $direction ->
    [outbound] { $peer } への
   *[inbound] { $peer } からの
} { $traffic } を{ $allow ->
    [yes] 許可しています
   *[no] 拒否しています
}
hop-network-acl = { $subnet } のネットワーク ACL: { $checks }
stop-network_acl = { $subnet } のネットワーク ACL: { $check }{ $reply ->
    [yes] 。ネットワーク ACL はステートレスなので、戻りのトラフィックが届くエフェメラルポートにも専用のルールが必要です
   *[no] {""}
}
stop-source_dest_check = { $table } のルート { $route } はトラフィックを { $eni } 経由で送りますが、{ $eni } は送信元/送信先チェックが有効です。自分宛てでも自分発でもないトラフィックは破棄されます (アプライアンスではチェックを無効にします)
hop-source-dest-check-off = { $hop }。送信元/送信先チェックは無効です

## エクスプローラーのセキュリティパネル (src/ui/security.rs)

sec-panel-group = セキュリティグループ · { $interface } の{ $direction ->
    [egress] アウトバウンド
   *[ingress] インバウンド
} ({ $groups })
sec-panel-traffic = { $direction ->
    [egress] { $peer } への
   *[ingress] { $peer } からの
} { $traffic }
sec-panel-allowed-by = ✔ 許可: { $rule }
sec-panel-no-rules = この方向 ({ $direction ->
    [egress] アウトバウンド
   *[ingress] インバウンド
}) のルールが 1 つもありません
sec-panel-acl = ネットワーク ACL { $acl } · { $subnet }
sec-panel-acl-check = { $allow ->
    [yes] ✔
   *[no] ✖
} { $reply ->
    [yes] 戻り
   *[no] リクエスト
} ({ $direction ->
    [outbound] アウトバウンド
   *[inbound] インバウンド
}) { $direction ->
    [outbound] { $peer } への
   *[inbound] { $peer } からの
} { $traffic }: ルール { $rule } が{ $allow ->
    [yes] 許可
   *[no] 拒否
}{ $final ->
    [yes] {" "}(最後のルール。番号付きのルールに一致しませんでした)
   *[no] {""}
}
sec-panel-sdc = 送信元/送信先チェック · { $eni }
sec-panel-sdc-on = ✖ チェックで拒否: 有効なので、自分発でも自分宛てでもないトラフィックは破棄されます ({ $table } のルート { $route })
sec-panel-part = { $part } について:
sec-panel-stopped-first = ⚠ 経路は{ $earlier ->
    [some] 残りの判定
   *[none] これらの判定
}に届く前に止まります: { $reason } ({ $code }、経路パネルを参照)
# The edit menu's security item: what the scenario has.
sec-menu-detail = グループ { $groups } 個、ネットワーク ACL { $acls } 個
sec-panel-not-evaluated = 未評価: { $layers } (シナリオにデータがありません)
sec-panel-policy = { $kind ->
    [endpoint] エンドポイントポリシー
   *[bucket] バケットポリシー
} · { $owner }
sec-panel-policy-request = リクエスト: { $request } { $through }
sec-panel-policy-default = ✔ 許可: AWS のデフォルトポリシー (フルアクセス)。エンドポイントに独自のポリシーがありません
sec-panel-policy-allowed-by = ✔ 許可: { $statement }
sec-panel-policy-no-deny = ✔ 許可: 拒否するステートメントがありません (バケットポリシーは Deny で指定したものだけを拒否します)
sec-panel-policy-limited = { $kind ->
    [endpoint] ◐ 一部のリクエストだけ許可: { $statement }
   *[bucket] ◐ 一部のリクエストだけ許可: 残りは{ $statement } が拒否します
}
sec-panel-policy-denied-by = ✖ 拒否: { $statement } (明示的な Deny)
sec-panel-policy-not-allowed = ✖ 拒否: 許可するステートメントがありません (エンドポイントポリシーはステートメントで指定したものだけを許可します)
sec-panel-policy-not-evaluable = ? 評価できません: { $statement } が { $unsupported } に依存しており、vpc-tui はこれを評価しません
sec-panel-summary-not-evaluable = ? 評価できません: { $what }
sec-panel-summary-denied = ✖ 拒否: { $what }
sec-panel-summary-limited = ◐ 一部のリクエストだけ許可: { $allowed ->
    [0] 経路上の { $limited } 件の判定がすべて、一部のリクエストだけを許可しています
   *[other] 経路上の { $total } 件の判定のうち { $limited } 件が一部のリクエストだけを許可し、残りの { $allowed } 件は許可しています
}
sec-panel-summary-allowed = ✔ 経路上の { $count } 件の判定がすべて許可しています

## エンドポイントポリシーとバケットポリシー (aws-semantics.md §5b)

policy-name = { $kind ->
    [endpoint] { $owner } のエンドポイントポリシー
   *[bucket] バケット { $owner } のバケットポリシー
}
policy-statement = ステートメント { $index }
policy-statement-sid = ステートメント { $index } ({ $sid })
policy-statement-none = そのステートメント
policy-request = { $resource_any ->
    [yes] { $action_any ->
        [yes] すべてのリクエスト
       *[no] 任意のリソースに対する { $action }
    }
   *[no] { $action_any ->
        [yes] { $resource } に対する任意のアクション
       *[no] { $resource } に対する { $action }
    }
}
policy-through-endpoint = ({ $endpoint } 経由: aws:SourceVpce は { $endpoint }、aws:SourceIp はなし)
policy-through-internet = (パブリックアドレスから: aws:SourceIp があり、aws:SourceVpce はなし)
hop-policy-default = { $owner } には独自のポリシーがありません。AWS のデフォルトのエンドポイントポリシーがフルアクセスを許可します
hop-policy-allowed = { $policy }: { $statement } が許可します (リクエスト: { $request })
hop-policy-no-deny = { $policy }: 拒否するステートメントはありません (リクエスト: { $request }) { $through }
hop-policy-limited = { $kind ->
    [endpoint] { $policy }: 一部のリクエストだけを許可します ({ $statement } で決まります)
   *[bucket] { $policy }: ここから { $owner } へのリクエストの一部を{ $statement } が拒否します
}
stop-policy-denied = { $policy }: { $statement } が明示的に拒否します (リクエスト: { $request }) { $through }
stop-policy-not_allowed = { $policy }: 許可するステートメントがありません (リクエスト: { $request })。エンドポイントポリシーはステートメントで指定したものだけを許可します
stop-policy-not_evaluable-source-ip = { $policy }: 判定が { $statement } の aws:SourceIp に依存しています。NAT ゲートウェイやインターネットゲートウェイ経由では、これはパブリックアドレス (NAT ゲートウェイの Elastic IP、インスタンスのパブリック IPv4 アドレス) ですが、シナリオにその値がありません
stop-policy-not_evaluable = { $policy }: 判定が { $statement } の { $unsupported } に依存しており、vpc-tui はこれを評価しません (IAM ポリシーシミュレーターで確認してください)

## 「VPC のパブリックアクセスをブロック」 (src/explain/bpa.rs)

bpa-mode-off = オフ
bpa-mode-block-bidirectional = 双方向
bpa-mode-block-ingress = イングレスのみ
bpa-exclusion-mode-allow-bidirectional = 双方向を許可
bpa-exclusion-mode-allow-egress = エグレスのみ許可
bpa-exclusion = { $vpc ->
    [yes] VPC { $target }
   *[no] { $target }
} の除外{ $named ->
    [yes] {" "}{ $id }
   *[no] {""}
} ({ $mode })
bpa-blocked = 「VPC のパブリックアクセスをブロック」 ({ $mode }) により、このトラフィックは { $igw } でブロックされます。{ $ingress ->
    [yes] { $subnet } には「双方向を許可」の除外がなく、イングレスのみモードでインターネットゲートウェイを通れるのは NAT ゲートウェイのトラフィックだけです
   *[no] { $subnet } にも、その VPC にも除外がありません
}
bpa-blocked-nat = 「VPC のパブリックアクセスをブロック」 ({ $mode }) により、{ $nat } のトラフィックは { $igw } でブロックされます。NAT ゲートウェイのサブネット { $subnet } に除外がありません。インターネットゲートウェイに届くのは NAT ゲートウェイからのトラフィックなので、除外が必要なのは NAT ゲートウェイのサブネットです (送信元のサブネットを除外しても通りません)
bpa-not-modelled-egress_exclusion_in_ingress_mode = モデル化していません:「VPC のパブリックアクセスをブロック」はイングレスのみモードで、{ $exclusion } は { $subnet } からの送信を許可しますが、AWS は「エグレスのみ許可」の除外は双方向モードでだけ適用されると書いており、この場合にどうなるかは書いていません
bpa-not-modelled-subnet_and_vpc_differ = モデル化していません: { $subnet } には { $exclusion } と、モードの異なる VPC の除外の両方が当てはまります。どちらが適用されるかは AWS のページに書かれていません
bpa-not-modelled-after_gwlb_endpoint = モデル化していません: このトラフィックは { $igw } の前に Gateway Load Balancer エンドポイントを通っています。AWS は、エンドポイントのサブネットを除外していてもこのトラフィックをブロックすると書いていますが、{ $exclusion } で通るかどうかは書いていません
bpa-not-modelled-regional_nat = モデル化していません: このトラフィックはサブネットを持たないリージョナル NAT ゲートウェイ { $nat } から出ていきますが、VPC 自体の除外がありません。リージョナル NAT ゲートウェイにどの除外が適用されるかは AWS のページに書かれていません
note-block_public_access_allowed = 「VPC のパブリックアクセスをブロック」は有効 ({ $mode }) ですが、{ $exclusion } により、この送信トラフィックは { $igw } を通れます
note-block_public_access_allowed-nat = 「VPC のパブリックアクセスをブロック」はイングレスのみモードです。NAT ゲートウェイは外向きにしか接続を開始させないため、{ $nat } のトラフィックは { $igw } を通れます
note-block_public_access_allowed-eigw = 「VPC のパブリックアクセスをブロック」はイングレスのみモードです。Egress-Only インターネットゲートウェイは外向きにしか接続を開始させないため、このトラフィックは { $igw } を通れます

## IPv6 とデュアルスタック

ipv6-address-in = { $subnet } の { $address }
ipv6-family-ipv4 = IPv4
ipv6-family-ipv6 = IPv6
ipv6-family-asked = クエリは { $family } で問い合わせています。
ipv6-family-auto-both_prefer_ipv6 = クライアントは { $family } を使います。クライアントに IPv4 と IPv6 の両方のアドレスがあり、応答にも A レコードと AAAA レコードの両方があるので、デフォルトのアドレス選択 (RFC 6724) により IPv6 が優先されます。
ipv6-family-auto-only_ipv6_client = クライアントは { $family } を使います。IPv6 専用サブネットにあり、IPv4 アドレスを持たないためです。
ipv6-family-auto-no_aaaa = クライアントは { $family } を使います。もう一方のアドレスファミリーでは使える応答がありません (AAAA レコードまたは A レコードがありません)。
ipv6-family-auto-no_client_ipv6 = クライアントは { $family } を使います。IPv6 アドレスを持っていないためです。
ipv6-family-auto-literal = クライアントは { $family } を使います。宛先がそのファミリーのアドレスだからです。
ipv6-hop-source = { $has_address ->
    [yes] { $id } は { $address } ({ $subnet }、IPv6 ブロック { $block }) から IPv6 で送信します。
   *[no] { $id } は { $subnet } の IPv6 ブロック { $block } のアドレスから IPv6 で送信します。
}
ipv6-dns-public = { $name }: この名前には AAAA レコードがあります (デュアルスタックの名前)。サービスの IPv6 アドレスはカタログにありません。
ipv6-dns-endpoint = { $name }: { $endpoint } のプライベート DNS が、ネットワークインターフェイスの IPv6 アドレスで AAAA レコードに応答します: { $addresses }
ipv6-dns-synthesized = { $name } には A レコード ({ $ipv4 }) しかありません。クライアントのサブネットで DNS64 が有効なので、合成された AAAA レコード { $ipv6 } (64:ff9b::/96 に IPv4 アドレスを埋め込んだもの) が返ります。
ipv6-hop-route = { $table } は { $destination } を { $route } でルーティングします (一致する IPv6 プレフィックスのうち最長のもの{ $matched ->
    [1] {""}
   *[other] 。ほかに一致したルート: { $others }
})。
ipv6-hop-egress-only = { $id }: Egress-Only インターネットゲートウェイです。トラフィックは IPv6 でインターネットに出て、その応答は戻ってきます。
ipv6-hop-internet-gateway = { $has_address ->
    [yes] { $id }: インターネットゲートウェイです。IPv6 アドレスはパブリックなので、{ $address } のまま出ていきます (NAT もパブリック IPv4 アドレスも不要です)。
   *[no] { $id }: インターネットゲートウェイです。IPv6 アドレスはパブリックなので、インスタンスの IPv6 アドレスのまま出ていきます (NAT もパブリック IPv4 アドレスも不要です)。
}
ipv6-hop-nat64 = { $id }: NAT64 がトラフィックを IPv4 の { $ipv4 } 宛てに変換し、自分のアドレスから送信します。{ $subnet } では { $table } が { $route } でルーティングします。
ipv6-hop-endpoint = { $id }: エンドポイントのネットワークインターフェイスに IPv6 で届きます ({ $addresses })。
ipv6-hop-address = { $subnet } の { $address }
ipv6-hop-internet = インターネット上の { $address }
ipv6-stop-no_ipv6_address = { $block ->
    [yes] { $source } には IPv6 アドレスがありません。{ $subnet } には IPv6 ブロックがあるので、そこからインスタンスに IPv6 アドレスを割り当ててください。
   *[no] { $source } には IPv6 アドレスがありません。{ $subnet } に IPv6 ブロックがないので、ここからは IPv6 で送信できません。
}
ipv6-stop-no_ipv4_address = { $source } には IPv4 アドレスがありません。{ $subnet } は IPv6 専用サブネットなので、ここから IPv4 の経路は始まりません (IPv6 で問い合わせるか、IPv4 だけの宛先には DNS64 と NAT64 を使ってください)。
ipv6-stop-no_aaaa = { $by_endpoint ->
    [yes] { $name } には AAAA レコードがありません。{ $endpoint } のプライベート DNS の DNS レコードの IP タイプは { $records } で、サービスの名前には A レコードしか作られません。IPv6 のクライアントは IPv6 では届きません (dualstack か ipv6 にすると AAAA レコードが追加されます)。
   *[no] { $name } には AAAA レコードがなく (サービスのリージョンの名前は IPv4 専用です)、クライアントのサブネットでは DNS64 もオフです。IPv6 で接続する先のアドレスがありません。
}
ipv6-stop-endpoint_no_ipv6 = { $endpoint } には IPv6 アドレスがありません。IP アドレスタイプが ipv4 (または IPv6 アドレスを持つネットワークインターフェイスがすべて止まっている) ので、IPv6 のクライアントは使えません。
ipv6-stop-no_route = { $vpc_has_ipv6 ->
    [yes] { $table } には { $destination } に一致する IPv6 ルートがありません{ $count ->
        [0] {""}
       *[other] {""} (IPv6 ルート: { $routes })
    }。
   *[no] { $table } には { $destination } に一致する IPv6 ルートがありません。VPC に IPv6 ブロックがないので、ルートテーブルは IPv6 をルーティングしません。
}
ipv6-stop-blackhole = { $table } の { $route }: ターゲット { $target } が存在しないか、ブラックホールです。IPv6 のトラフィックは破棄されます。
ipv6-stop-leaves_vpc = { $table } の { $route } は IPv6 のトラフィックを VPC の外の { $target } に送ります。その先はモデル化していません。
ipv6-stop-nat64_prefix_to_internet = { $table } の { $route } は、合成された 64:ff9b:: のアドレスをインターネットに送ります。インターネットでは NAT64 のプレフィックスはルーティングされません。64:ff9b::/96 を NAT ゲートウェイに向けるルートを追加してください。
ipv6-stop-address_unavailable = { $in_subnet ->
    [yes] { $address } は { $subnet } にありますが、その AZ で障害が起きています。
   *[no] { $address } はどのサブネットの IPv6 ブロックにも含まれていません。
}
ipv6-stop-nat64-az_failed = { $nat } が NAT64 でトラフィックを { $ipv4 } 宛てに変換するはずですが、その AZ で障害が起きています。
ipv6-stop-nat64-private = { $nat } はプライベート NAT ゲートウェイです。NAT64 で { $ipv4 } 宛てに変換しても、プライベート NAT ゲートウェイのトラフィックはインターネットに出られません。
ipv6-stop-nat64-no_ipv4_route = { $nat } は NAT64 でトラフィックを { $ipv4 } 宛てに変換しますが、そのサブネットのルートテーブルに、そこへ向かうインターネットゲートウェイへの IPv4 ルートがありません。
ipv6-stop-nat64-regional = { $nat } はリージョナル NAT ゲートウェイです。これを通る NAT64 はモデル化していません。
ipv6-not-modelled-gateway_endpoint = IPv6 の経路上にゲートウェイエンドポイント { $id } があります。AWS のゲートウェイエンドポイントはデュアルスタックのトラフィックを扱えますが、カタログにはプレフィックスリストの IPv6 の範囲がありません。モデル化していません。
ipv6-not-modelled-nat_gateway_not_nat64 = ルートが 64:ff9b::/96 以外の IPv6 を { $id } に送ります。NAT ゲートウェイが変換するのは NAT64 のプレフィックスだけで、それ以外の IPv6 をどう扱うかは AWS のページで確認できませんでした。モデル化していません。
ipv6-not-modelled-appliance = IPv6 の経路上に { $id } (GWLB エンドポイント、アプライアンスのネットワークインターフェイス、または NAT64 の後の別のターゲット) があります。モデル化していません。
ipv6-not-modelled-dns64_to_endpoint = DNS64 は { $id } のプライベート IPv4 アドレスからアドレスを合成します。NAT64 でエンドポイントのプライベートアドレスに届くかどうかは AWS のページで確認できませんでした。モデル化していません。
ipv6-not-modelled-dualstack_records_unknown = { $id } はデュアルスタックのエンドポイントですが、シナリオに DNS レコードの IP タイプがありません。名前にどのレコードがあるかはモデル化していません (dns_record_ip_type を指定してください)。
ipv6-not-modelled-dns_outside_model = { $id } の AAAA の応答は、このモデルが IPv6 では追わない DNS から来ます (プライベートホストゾーン、Resolver ルール、独自の DNS サーバー)。モデル化していません。
ipv6-not-modelled-workload = IPv6 のワークロードはモデル化していません (サービスごとに問い合わせてください)。
ipv6-not-modelled-other_name = IPv6 での { $id } (グローバルな名前、または別のリージョンのサービス) はモデル化していません。
ipv6-stop-security_group = { $interface } の{ $direction ->
    [egress] アウトバウンド
   *[ingress] インバウンド
} ({ $groups }): { $peer } { $direction ->
    [egress] へ
   *[ingress] から
}の { $traffic } を許可する IPv6 のルールがありません。{ $total ->
    [0] グループに IPv6 の{ $direction ->
        [egress] アウトバウンド
       *[ingress] インバウンド
    }ルールがなく、IPv4 の CIDR のルールでは IPv6 のトラフィックは許可されません (::/0 か IPv6 の CIDR のルールを追加してください)。
   *[other] IPv6 の{ $direction ->
        [egress] アウトバウンド
       *[ingress] インバウンド
    }ルール { $total } 個のどれも当てはまりません。
}
ipv6-stop-network_acl = { $subnet } のネットワーク ACL: { $check } (IPv6 のエントリだけが対象です。IPv4 のエントリが IPv6 のトラフィックに一致することはありません){ $reply ->
    [yes] 。ネットワーク ACL はステートレスなので、応答が戻ってくるエフェメラルポートにも IPv6 のエントリが別に必要です。
   *[no] 。
}
ipv6-not-modelled-group_reference = { $id } でこの IPv6 のトラフィックを許可できるのは、セキュリティグループかプレフィックスリストを指定したルールだけです。このようなルールが IPv6 アドレスにも効くかどうかは AWS のページで確認できませんでした。モデル化していません。
ipv6-not-modelled-some_interfaces = { $id } までのセキュリティグループとネットワーク ACL が、IPv6 では一部のネットワークインターフェイスを許可し、ほかを拒否します。モデル化していません。
note-egress_only_no_inbound = 経路は Egress-Only インターネットゲートウェイ { $gateway } から出ていきます。応答は戻ってきますが、インターネット側から送信元に接続を始めることはできません。
note-ipv6_layers_not_evaluated = NAT64 (IPv6 で入り IPv4 で出る) では、NAT ゲートウェイのサブネットのネットワーク ACL を評価していません。この判定にはその ACL が含まれていません。
note-ipv6_service_ranges_unknown = { $service } の IPv6 アドレスはカタログにありません。表示しているのは任意のパブリック IPv6 アドレスに対するルートです (より具体的なルートが一部のアドレスを引き受ける可能性があります)。
note-family_chosen = --family auto: { $choice }
note-directory_bucket_other_az = { $bucket } は送信元と別の { $az } にあります。リクエストは AZ をまたぐため、S3 Express One Zone を選ぶ理由である低いレイテンシーが失われ、{ $az } に依存します (AZ 間のデータ転送が課金されるかはモデル化していません)
note-directory_bucket_zone_unknown = { $bucket } のゾーン { $zone } は、シナリオのどの AZ の ID とも一致しません。このゾーンの障害は試せません (availability_zones にその AZ を id 付きで加えてください)
note-lattice_beyond_model = { $endpoint } ({ $kind ->
    [resource] リソースエンドポイント
    [vpc_association] サービスネットワークの VPC 関連付け
   *[service_network] サービスネットワークエンドポイント
}、{ $arn }) より先はモデルの外です。{ $kind ->
    [resource] リソースゲートウェイ、プロバイダー側のセキュリティグループとルート、リソース自体の状態
   *[other] サービスネットワークのサービスとリソース設定 (その先のターゲットやリソースゲートウェイ)、プロバイダー側のセキュリティグループとルート、ターゲットの状態
}、VPC Lattice の認証ポリシーは評価していません
note-lattice_association_unchecked = この経路は VPC のサービスネットワーク関連付け { $association } を通ります。{ $has_groups ->
    [yes] 関連付けのセキュリティグループ ({ $groups })
   *[no] 関連付けのセキュリティグループ (ここでは設定なし)
} と、VPC Lattice の AWS マネージドプレフィックスリストに対するクライアントのサブネットのネットワーク ACL が適用されますが、リクエストがどのルールに一致すればよいかが AWS のドキュメントからは確認できないため、評価していません (モデル化していません)
note-lattice_own_port = トラフィックが指定されていないので、{ $service } へはデフォルトの HTTPS (443) ではなく、リソース設定 { $arn } ({ $endpoint } 経由) が受け付ける最初のポート TCP { $port } で評価しています (受け付けるポート: { $ranges })。別のポートを調べるには、トラフィックを指定してください (check --port、またはエクスプローラーの「トラフィック」)
