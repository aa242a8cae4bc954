# 評価器のコードの日本語 (src/explain/codes.rs)。コード自体 (no_route など) は翻訳しません。

## 理由コードの意味

reason-no_route = ルートテーブルに送信先へのルートがありません
reason-blackhole_route = 一致したルートがブラックホールです (そう設定されているか、ターゲットがもう存在しません)
reason-no_public_ip = ルートはインターネットゲートウェイに向いていますが、送信元にパブリック IPv4 アドレスがありません
reason-no_internet_gateway = この経路にはインターネットゲートウェイが必要です。VPC にないのにリージョナル NAT ゲートウェイを使っているか、パブリック NAT ゲートウェイのサブネットにインターネットゲートウェイへのルートがありません
reason-nat_az_failed = ルートが使う NAT ゲートウェイが、障害の起きた AZ にあります
reason-private_nat_no_internet = プライベート NAT ゲートウェイはインターネットに出られません。そのトラフィックはインターネットゲートウェイで破棄されます
reason-endpoint_enis_all_failed = インターフェイスエンドポイントのネットワークインターフェイス (ENI) が、すべて障害の起きた AZ にあります
reason-gwlb_endpoint_failed = Gateway Load Balancer エンドポイントの AZ で障害が起きているか、その先のアプライアンスが停止しています
reason-appliance_unavailable = ルートのターゲットであるアプライアンスのネットワークインターフェイスが、障害の起きた AZ にあります
reason-dns_resolution_disabled = enableDnsSupport (DNS 解決) がオフのため、Amazon 提供の DNS サーバーはどの名前にも応答しません
reason-routing_loop = 経路が、一度通ったルートテーブルとターゲットの組み合わせに戻ってきました (ルーティングループ)
reason-source_az_failed = 送信元の AZ で障害が起きています (判定は「利用不可」)
reason-destination_unavailable = 宛先アドレスが障害の起きた AZ にあるか、VPC のどのサブネットにも入っていません
reason-workload_part_failed = ワークロードはすべてのサービスに届く必要がありますが、少なくとも 1 つに到達できません
reason-asymmetric_return = 応答が、リクエストの通った GWLB エンドポイントを通って戻りません。アプライアンスがステートフルなので通信は成立しません
reason-security_group_egress = 送信する側 (送信元、または転送するアプライアンス) のセキュリティグループに、このトラフィックを許可するアウトバウンドルールがありません (セキュリティグループはルールで許可したものだけを通します)
reason-security_group_ingress = 受け取る側のネットワークインターフェイスのセキュリティグループに、このトラフィックを許可するインバウンドルールがありません (インターフェイスエンドポイントのセキュリティグループは、クライアントからの HTTPS 443 を許可する必要があります)
reason-network_acl_outbound = トラフィックが出ていくサブネットのネットワーク ACL が拒否しています
reason-network_acl_inbound = トラフィックが入るサブネットのネットワーク ACL が拒否しています
reason-network_acl_reply = ネットワーク ACL が戻りのトラフィックを拒否しています。ネットワーク ACL はステートレスなので、クライアントのエフェメラルポートへの戻りにも専用のルールが必要です
reason-source_dest_check = ルートの転送先のアプライアンスのネットワークインターフェイスで送信元/送信先チェックが有効です。自分宛てでも自分発でもないトラフィックは破棄されます
reason-endpoint_policy_denied = VPC エンドポイントのエンドポイントポリシーがリクエストを拒否します。拒否するステートメントがあるか、許可するステートメントがありません (エンドポイントポリシーはステートメントで指定したものだけを許可します)
reason-bucket_policy_denied = S3 バケットのバケットポリシーがリクエストを明示的に拒否します (VPC エンドポイント経由では aws:SourceIp が存在しないため、この条件キーはプライベートなトラフィックに一致しません)
reason-policy_not_evaluable = ポリシーの判定が、vpc-tui が評価しない要素 (ほかの条件キーや条件演算子、NotPrincipal、モデルにないパブリックアドレス) に依存しています。推測はせず、そのまま報告します
reason-block_public_access = 「VPC のパブリックアクセスをブロック」により、インターネットゲートウェイでトラフィックがブロックされます。送信元のサブネットに除外がありません (イングレスのみモードで通れるのは NAT ゲートウェイのトラフィックだけです)
reason-block_public_access_nat_subnet = 「VPC のパブリックアクセスをブロック」により、NAT ゲートウェイのトラフィックがインターネットゲートウェイでブロックされます。NAT ゲートウェイのサブネットに除外がありません (送信元のサブネットの除外は関係しません)
reason-block_public_access_not_modelled = 「VPC のパブリックアクセスをブロック」が、AWS のページに書かれていない形で関わります (イングレスのみモードでの「エグレスのみ許可」の除外、モードの異なるサブネットと VPC の除外、経路上の GWLB エンドポイント、リージョナル NAT ゲートウェイ)。推測はせず、モデル化していないと報告します
reason-dns_name_not_found = VPC に関連付けられたプライベートホストゾーンがこの名前に該当しますが、この名前のレコードがありません。Resolver は NXDOMAIN を返し、パブリック DNS には問い合わせません
reason-dns_answer_outside_model = この名前の応答はモデルの外から来ます (DHCP オプションセットの DNS サーバー、Resolver の転送ルールの転送先リゾルバー、モデルにないものを指すレコード)。推測はせず、モデル化していないと報告します
reason-no_ipv6_address = IPv6 で問い合わせていますが、送信元に IPv6 アドレスがありません (サブネットに IPv6 ブロックがないか、インスタンスにアドレスが割り当てられていません)
reason-no_ipv4_address = IPv4 で問い合わせていますが、送信元は IPv6 専用サブネットにあり、IPv4 アドレスを持っていません
reason-no_aaaa_record = 名前に AAAA レコードがなく (IPv4 専用の名前か、DNS レコードが IPv4 だけのエンドポイント)、DNS64 による合成もありません
reason-endpoint_no_ipv4 = インターフェイスエンドポイントに IPv4 アドレスがありません (ENI がすべて IPv6 専用サブネットにある)。IPv4 で問い合わせても A レコードはありません
reason-endpoint_no_ipv6 = インターフェイスエンドポイントに IPv6 アドレスがありません (IP アドレスタイプが ipv4)。IPv6 のクライアントは使えません
reason-no_ipv6_route = 宛先に一致する IPv6 ルートがありません (::/0 のルートがない、VPC に IPv6 ブロックがない、または合成された 64:ff9b:: のアドレスが NAT ゲートウェイではなくインターネットに向かっています)
reason-ipv6_not_modelled = IPv6 の経路が、AWS のページ (確認した範囲) やこのモデルでは決まらないものに当たりました (ゲートウェイエンドポイントの IPv6 のプレフィックスリスト、64:ff9b::/96 以外の IPv6 を NAT ゲートウェイへ送るルート、アプライアンス、DNS レコードの IP タイプのないデュアルスタックのエンドポイント、モデルが追わない DNS)。推測せずにそのまま報告します
reason-directory_bucket_without_gateway_endpoint = S3 Express One Zone のディレクトリバケットへの経路が s3express のゲートウェイエンドポイントを通りません。AWS のページにはゲートウェイエンドポイント経由のアクセスしか書かれていないため、この経路で届くかはモデル化していません
reason-directory_bucket_az_failed = S3 Express One Zone のディレクトリバケットがあるアベイラビリティーゾーンで障害が起きています。バケットはその 1 つのゾーンにしかないため、どの経路からも到達できません
reason-lattice_port_not_offered = リソースエンドポイントやサービスネットワークエンドポイントの先のリソース設定が、このポートを受け付けていません (ポート範囲は TCP です)
reason-walk_limit = 経路のステップ数がモデルのルートの数を超えたため、評価を打ち切りました (起きないはずの安全装置です)

## 注記コードの意味

note-meaning-private_dns_off = インターフェイスエンドポイントはありますが、プライベート DNS がオフです。サービスのデフォルトの DNS 名はパブリックアドレスに解決されます
note-meaning-private_dns_unsupported = このサービスのインターフェイスエンドポイントにはプライベート DNS がありません (DynamoDB)。クライアントは vpce-… の DNS 名を使う必要があります
note-meaning-dns_hostnames_off = enableDnsHostnames (DNS ホスト名) がオフです。インターフェイスエンドポイントのプライベート DNS は効かず、ゲートウェイエンドポイントでも AWS は両方の属性をオンにするよう求めています
note-meaning-inbound_resolver_only = プライベート DNS がインバウンド Resolver エンドポイント専用になっています。VPC の中からは、名前はパブリックアドレスに解決されます
note-meaning-arbitrary_prefix_list_choice = CIDR が重なる 2 つのプレフィックスリストが別々のターゲットを指しています。AWS はどちらかを任意に選び、以後は同じ方を使い続けます
note-meaning-failed_az_enis_dropped = 障害の起きた AZ の ENI は、DNS の応答から外れます
note-meaning-illustrative_cidrs = AWS はこのサービス専用の IP アドレス範囲を公開していません。ここでの CIDR は説明用の仮のものです
note-meaning-ignored_prefix_list_entries = サブネットのルートテーブルでは、VPC の CIDR の内側に入るプレフィックスリストのエントリは無視されます
note-meaning-cross_az_dependency = この経路は別の AZ にあるリソースに依存しています
note-meaning-other_region = サービスは別のリージョンにあります。このリージョンのエンドポイントは使えないので、ほかのルートで送られます
note-meaning-global_name_not_covered = グローバルな名前 (s3.amazonaws.com、sts.amazonaws.com) は、リージョンのエンドポイントのプライベート DNS では解決されません
note-meaning-asymmetric_return_stateless = 応答はリクエストの通った GWLB エンドポイントを通りませんが、アプライアンスがステートレスなので通信は成立します
note-meaning-return_not_evaluated = GWLB エンドポイントを通る戻り経路は評価できませんでした (リージョナル NAT ゲートウェイ)
note-meaning-public_endpoint_stays_on_aws = インターネットゲートウェイ経由でサービスのパブリックエンドポイントへ向かうトラフィックも、AWS のネットワークの中にとどまります
note-meaning-policy_limits_requests = エンドポイントポリシーまたはバケットポリシーが、問い合わせの対象となるリクエストの一部だけを許可します。個別のリクエストは --action と --resource で確認します
note-meaning-block_public_access_allowed = 「VPC のパブリックアクセスをブロック」は有効ですが、このトラフィックはインターネットゲートウェイを通れます。サブネットに除外があるか、イングレスのみモードで NAT ゲートウェイのトラフィックとして通ります
note-meaning-egress_only_no_inbound = 経路は Egress-Only インターネットゲートウェイから出ていきます。応答は戻りますが、インターネット側から送信元への接続は始められません
note-meaning-ipv6_layers_not_evaluated = NAT64 (IPv6 で入り IPv4 で出る) の NAT ゲートウェイのサブネットのネットワーク ACL は評価していません。判定にはその ACL が含まれていません
note-meaning-ipv6_service_ranges_unknown = サービスの IPv6 アドレスはカタログにありません。表示しているのは任意のパブリック IPv6 アドレスに対するルートです
note-meaning-family_chosen = --family auto が、クライアントのアドレスと DNS の応答から IPv4 か IPv6 を選びました (両方使えるときは RFC 6724 により IPv6 が優先されます)
note-meaning-directory_bucket_other_az = S3 Express One Zone のディレクトリバケットは送信元と別の AZ にあります。経路はその AZ に依存し、同じ AZ に置くことで得られる低いレイテンシーも失われます
note-meaning-directory_bucket_zone_unknown = ディレクトリバケットのゾーン (AZ ID) がシナリオのどの AZ にも当たらないため、その AZ の障害は試せません
note-meaning-lattice_beyond_model = リソースエンドポイント、サービスネットワークエンドポイント、サービスネットワークの VPC 関連付けより先はモデルの外です (リソースゲートウェイ、プロバイダー側、認証ポリシー)。到達可能とは、エンドポイントの向こう側に届くという意味だけです
note-meaning-lattice_association_unchecked = VPC のサービスネットワーク関連付けを通る経路です。関連付けのセキュリティグループと、VPC Lattice のプレフィックスリストに対するクライアントのサブネットのネットワーク ACL は適用されますが、評価していません (モデル化していません)
note-meaning-lattice_own_port = トラフィックが指定されておらず、宛先が TCP 443 を受け付けない VPC Lattice のリソースなので、そのリソースが受け付ける最初のポートで評価しています (トラフィックを指定した場合は、指定どおりに評価します)

## 経路の種類

via-local = ローカルルート
via-gateway_endpoint = ゲートウェイエンドポイント
via-interface_endpoint = インターフェイスエンドポイント
via-resource_endpoint = リソースエンドポイント
via-service_network_endpoint = サービスネットワークエンドポイント
via-service_network_association = サービスネットワークの VPC 関連付け
via-nat_gateway = NAT ゲートウェイ
via-internet_gateway = インターネットゲートウェイ
via-egress_only_internet_gateway = Egress-Only インターネットゲートウェイ
via-mixed = 部分ごとに異なる経路
cross-az-never = 常に同じ AZ 内
cross-az-sometimes = 別の AZ に向かうことがある
cross-az-always = 常に別の AZ へ

## ステップの種類

hop-kind-source = 送信元
hop-kind-dns = DNS 解決
hop-kind-route_table = ルートテーブル
hop-kind-gateway_endpoint = ゲートウェイエンドポイント
hop-kind-interface_endpoint = インターフェイスエンドポイント
hop-kind-nat_gateway = NAT ゲートウェイ
hop-kind-gwlb_endpoint = GWLB エンドポイント
hop-kind-inspection = アプライアンスでの検査
hop-kind-network_interface = ネットワークインターフェイス
hop-kind-internet_gateway = インターネットゲートウェイ
hop-kind-service = サービス
hop-kind-leaves_vpc = VPC の外へ
hop-kind-address = 宛先アドレス
hop-kind-internet = インターネット
hop-kind-return = 戻り経路
hop-kind-blocked = ここで遮断
hop-kind-security_group = セキュリティグループ
hop-kind-network_acl = ネットワーク ACL
hop-kind-endpoint_policy = エンドポイントポリシー
hop-kind-bucket_policy = バケットポリシー

## 評価していない層

unchecked-security_groups = セキュリティグループ
unchecked-network_acls = ネットワーク ACL
unchecked-source_dest_check = 送信元/送信先チェック
unchecked-endpoint_policies = エンドポイントポリシー

## ルートの選び方と出どころ

rule-label-only_match = 一致したルートは 1 つだけ
rule-label-longest_prefix = プレフィックスの最長一致
rule-label-static_over_prefix_list = 長さが同じなら静的ルートがプレフィックスリストより優先
rule-label-arbitrary_prefix_list = 重なるプレフィックスリストから AWS が 1 つを任意に選択
rule-label-no_route = 一致するルートなし
origin-local = ローカルルート
origin-static = 静的ルート
origin-prefix_list = プレフィックスリスト
origin-gateway_endpoint = ゲートウェイエンドポイント

## 判定

verdict-line-reachable = 到達可能 ({ $via ->
    [mixed] 部分ごとに経路が異なる
   *[other] { $way }経由
})
verdict-line-reachable-cross = 到達可能 ({ $via ->
    [mixed] 部分ごとに経路が異なる
   *[other] { $way }経由
}、{ $crossword })
verdict-line-partial = 一部のみ到達可能
verdict-line-blocked = 到達不可 ({ $reason })
verdict-line-leaves = VPC の外へ ({ $target } 経由)
verdict-line-unavailable = 送信元が利用不可 ({ $reason })
verdict-line-not-modelled = モデル化していません ({ $reason })
verdict-words-reachable = 到達可能 ({ $via ->
    [mixed] 部分ごとに経路が異なる
   *[other] { $way }経由
})
verdict-words-partial = 一部のみ到達可能
verdict-words-blocked = 到達不可 ({ $reason })
verdict-words-leaves = VPC の外へ ({ $target } 経由)
verdict-words-unavailable = 送信元が利用不可 ({ $reason })
verdict-words-not-modelled = モデル化していません ({ $reason })

## モデルにない名前を指定したとき

query-unknown-instance = インスタンス { $name } はありません。インスタンス: { $known }
query-unknown-service = サービス { $name } はありません。サービス: { $known }
query-unknown-subnet = サブネット { $name } はありません。サブネット: { $known }
query-address-outside = { $name } は VPC のどのサブネットにも入っていません。サブネット: { $known }
query-unknown-region = カタログには { $region } の { $name } のアドレスがありません。登録済みのリージョン: { $known }
query-unknown-name = { $name } はカタログにない名前です。グローバルな名前: { $known }
query-unknown-workload = ワークロード { $name } はありません。ワークロード: { $known }
query-bad-directory-bucket = { $name } は S3 Express One Zone のディレクトリバケットのように --x-s3 で終わっていますが、「ベース名--ゾーン ID--x-s3」の形 (例: logs--use1-az4--x-s3) ではありません
