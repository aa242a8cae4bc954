### コスト見積もりの説明: 明細、各フローの経路、注記、変更点。
### ID、AZ 名、金額、通貨コードは引数で、そのまま表示します。用語は docs/glossary-ja.md に従います。

## 明細の対象

cost-item-interface_endpoint_eni = インターフェイスエンドポイント { $endpoint } の ENI ({ $az })
cost-item-interface_endpoint_data = インターフェイスエンドポイントのデータ処理 ({ $tier })
cost-tier-first = 最初の { $pb } PB
cost-tier-next = 次の { $pb } PB
cost-tier-over = { $pb } PB 超
cost-item-gateway_endpoint = ゲートウェイエンドポイント { $endpoint } ({ $service }、料金なし)
cost-item-nat_gateway = NAT ゲートウェイ { $nat } ({ $where })
cost-item-nat_address = NAT ゲートウェイ { $nat } のパブリック IPv4 アドレス (Elastic IP、{ $where })
cost-item-nat_data = NAT ゲートウェイ { $nat } のデータ処理 ({ $where })
cost-nat-in = { $az }
cost-nat-unknown = AZ 不明
cost-nat-regional = リージョナル、{ $azs } 個の AZ
cost-item-public_address = { $owner } のパブリック IPv4 アドレス
cost-item-gwlb = Gateway Load Balancer { $load_balancer }
cost-item-gwlb_capacity = Gateway Load Balancer { $load_balancer } のキャパシティユニット (GLCU)
cost-item-gwlb_endpoint = GWLB エンドポイント { $endpoint } ({ $az })
cost-item-gwlb_endpoint_data = GWLB エンドポイント { $endpoint } のデータ処理 ({ $az })
cost-item-inter_az-out = AZ 間のデータ転送 (送り出す側の AZ から出る分)
cost-item-inter_az-in = AZ 間のデータ転送 (受け取る側の AZ に入る分)

## 単位と数量: 「730 時間 × 0.01」

cost-unit-hour = 時間
cost-unit-address-hour = アドレス時間
cost-unit-GLCU-hour = GLCU 時間
cost-unit-GB = GB
cost-quantity = { $quantity } { $unit } × { $price }

## フローの経路

cost-way-local = VPC 内 (local)
cost-way-via = { $through }経由
cost-through-gateway_endpoint = ゲートウェイエンドポイント
cost-through-interface_endpoint = インターフェイスエンドポイント
cost-through-resource_endpoint = リソースエンドポイント
cost-through-service_network_endpoint = サービスネットワークエンドポイント
cost-through-gwlb_endpoint = GWLB エンドポイント
cost-through-appliance_eni = アプライアンスの ENI
cost-through-nat_gateway = NAT ゲートウェイ
cost-through-internet_gateway = インターネットゲートウェイ
cost-way-cross-always = { $way } (常に別の AZ へ)
cost-way-cross-sometimes = { $way } (別の AZ に向かうことがある)
cost-way-partly = 一部のみ到達可能
cost-way-blocked = 到達不可 ({ $reason })
cost-way-unavailable = 送信元が利用不可 ({ $reason })
cost-way-not-modelled = モデル化していません ({ $reason }、料金は対象外)
cost-way-leaves = VPC の外へ ({ $target } 経由、料金は対象外)
cost-way-by-range = { $partial ->
    [yes] 一部のみ
   *[no] 範囲ごと
}: { $parts }
cost-way-part = { $count }/{ $total } は { $way }
cost-part-sep = 、

## 注記

cost-note-no_instance = インスタンス { $instance } がありません。そのフローは見積もりから除いています。
cost-note-no_service = このリージョンのカタログにサービス { $service } がありません。そのフローは見積もりから除いています。
cost-note-no_prices = assets/prices.ron に { $region } の料金がありません (料金があるリージョン: { $priced })。何も計上していません。
cost-note-failed_az_enis = 障害が起きた AZ のインターフェイスエンドポイントの ENI も課金されます。AWS はエンドポイントが AZ にプロビジョニングされている時間すべてに課金します。
cost-note-lattice_not_priced = リソースエンドポイントとサービスネットワークエンドポイント ({ $endpoints }) は含めていません。料金データにその価格がないためです (モデル化していません)
cost-note-regional_nat = リージョナル NAT ゲートウェイ { $nat }: インスタンスがある AZ ごと ({ $azs } 個) に、NAT ゲートウェイ 1 時間分とパブリック IPv4 アドレス 1 つ分として計上しています。リージョナル NAT ゲートウェイの AWS の料金は確認していません。
cost-note-unserved_gwlb_endpoint = GWLB エンドポイント { $endpoint }: シナリオ内にこのエンドポイントを受け持つ Gateway Load Balancer がないため、ロードバランサーの時間料金とキャパシティユニットは計上していません。
cost-note-cross_az_sometimes = 「別の AZ に向かうことがある」場合: クライアントは DNS の応答に含まれる正常な ENI に均等にトラフィックを分けると仮定し、自分の AZ の外の ENI に向かう分を AZ 間のデータ転送として計上しています。

## 2 つの見積もりの間で変わったこと ($delta は符号付き: +7.30、−4.50)

cost-change-added = 追加: { $item }: 月額 { $delta } { $currency }
cost-change-removed = 削除: { $item }: 月額 { $delta } { $currency }
cost-change-repriced = 変更: { $item }: 月額 { $delta } { $currency }
cost-change-flow-new = { $instance } → { $service }: 新しいフロー ({ $way }): 月額 { $delta } { $currency } ({ $gb } の場合)
cost-change-flow-way = { $instance } → { $service }: { $before } から { $after } に変わりました: 月額 { $delta } { $currency } ({ $gb } の場合)
cost-change-flow-cost = { $instance } → { $service }: { $way }: 月額 { $delta } { $currency } ({ $gb } の場合)
cost-change-flow-removed = { $instance } → { $service }: フローを削除: 月額 { $delta } { $currency }
cost-instances-more = { $instance } ほか同じサブネットの { $more } 台
cost-instances-more-across = { $instance } ほか { $more } 台
cost-gb = { $gb } GB
cost-tb = { $tb } TB

## トラフィック量を設定した後のステータス行

cost-traffic-flow = { $instance } → { $service }: 月 { $gb } GB
cost-traffic-default = フローごとに月 { $gb } GB
