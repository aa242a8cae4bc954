# vpc-tui の画面の文言 (パネル、ピッカー、ステータス行、キー操作のヘルプ)。
# $a0, $a1, ... は UI が埋め込む値 (ID、件数、名前)。語順に合わせて自由に並べ替えてよい。
# 表記は docs/glossary-ja.md に従う (半角括弧、コードは翻訳しない)。

## cost settings

ui-set-hours-per-month = 月あたりの時間数を設定
ui-for-cost-estimate-730-by-default = コストの見積もり用 (既定は 730)
ui-hours-per-month-every-resource-is = 各リソースに課金される月あたりの時間数
ui-whole-hours-e-g-730-aws = 整数の時間。例: 730 (1 時間未満の利用も 1 時間として課金されます)
ui-is-not-whole-number-of-hours = { $a0 } は整数の時間ではありません。
ui-cost-month = コスト { $a0 } { $a1 }/月。

## cost panel

ui-cost = コスト
ui-cost-monthly-estimate = コスト (月額の見積もり)
ui-monthly-estimate = 月額の見積もり: { $a0 } { $a1 }
ui-price-not-verified = ; ? = 未確認の価格
ui-last-change = 直前の変更:
ui-line-items = 内訳
ui-more = … ほか { $a0 } 件
ui-set-traffic-of-one-flow-gb = 一つのフローのトラフィックを設定 (GB/月)
ui-set-default-traffic-per-flow-gb = フローあたりの既定トラフィックを設定 (GB/月)
ui-for-cost-estimate = コストの見積もり用
ui-flow-source-service = フロー (送信元 → サービス)
ui-gb-per-month-for = { $a0 } → { $a1 } の月間 GB
ui-gb-per-month-for-every-flow = 個別の値がないフローの月間 GB
ui-number-of-gb-e-g-250 = GB の数値。例: 250 (0 でフローをオフ)
ui-is-not-number-of-gb = { $a0 } は GB の数値ではありません。
ui-traffic-set = トラフィックを設定しました: { $a0 }

## lessons, presenter, narrow symbols

ui-lesson-next-step-starts-lesson = レッスン: 次のステップへ (レッスンを始める)
ui-lesson-previous-step-restores-its-exact = レッスン: 前のステップへ (そのときの状態に戻す)
ui-lesson-answer-question-reachable-or-not = レッスン: 問題に答える (到達できるかどうか)
ui-lesson-quiz-mode-on-off = レッスン: クイズモードのオン / オフ
ui-lesson-reset-score = レッスン: スコアをリセット
ui-presenter-layout-narration-and-path-large = プレゼンター表示 (解説と経路を大きく表示)
ui-next = 次へ
ui-back = 戻る
ui-answer = 答える
ui-presenter = プレゼンター
ui-your-prediction = あなたの予想
ui-reachable = 到達できる
ui-path-gets-through = 経路が通る
ui-not-reachable = 到達できない
ui-blocked-unavailable-or-leaves-vpc = ブロック、利用不可、VPC の外へ出る、またはモデル化の対象外
ui-lesson-step = レッスンのステップ { $a0 }/{ $a1 }
ui-predict-answer-then-press = 答えを予想してから a を押してください
ui-last-step-of-lesson = レッスンの最後のステップです。
ui-first-step-of-lesson = レッスンの最初のステップです。
ui-no-open-question-here = このステップに未回答の問題はありません。
ui-quiz-mode-on = クイズモード: オン
ui-quiz-mode-off = クイズモード: オフ
ui-score-reset = スコアをリセットしました。
ui-right-it-is-score = 正解です。{ $a0 }。スコア { $a1 }/{ $a2 }。
ui-not-quite-it-is-score = 残念、{ $a0 }。スコア { $a1 }/{ $a2 }。
ui-this-scenario-has-lesson-n-starts = このシナリオにはレッスンがあります。n で開始、p で戻ります。
ui-lesson = レッスン
ui-score = スコア
ui-quiz-on = クイズ: オン
ui-quiz-off = クイズ: オフ
ui-next-back = 次へ/戻る
ui-to-answer = → a で答える
ui-predict-then-press-to-answer-path = 予想してから a で答えてください。答えるまで経路と判定は表示されません。
ui-matrix-hidden-until-you-answer = マトリクス (回答するまで非表示)

## edit menu: the rest of the engine's edits

ui-private-dns-only-for-inbound-resolver = インバウンド Resolver エンドポイントのみプライベート DNS
ui-s3-interface-endpoints = S3 のインターフェイスエンドポイント
ui-mark-gateway-load-balancers-appliances-in = Gateway Load Balancer のアプライアンスの状態を AZ ごとに切り替える
ui-turn-gateway-load-balancers-cross-zone = Gateway Load Balancer のクロスゾーン負荷分散のオン / オフ
ui-associate-or-disassociate-internet-gateway-with = インターネットゲートウェイとルートテーブルの関連付け / 解除
ui-edge-association-ingress-routing = エッジの関連付け (Ingress ルーティング)
ui-gateway-load-balancer = 対象の Gateway Load Balancer
ui-appliances-of-in-which-az = { $a0 } のアプライアンス: どの AZ か
ui-healthy-choose-to-mark-unhealthy = 正常: 選ぶと異常にします
ui-unhealthy-choose-to-mark-healthy = 異常: 選ぶと正常にします
ui-edge-route-table-for-internet-gateway = インターネットゲートウェイのエッジルートテーブル
ui-edge-choose-to-disassociate = { $a0 } · エッジ: 選ぶと関連付けを解除します
ui-vpc-has-no-internet-gateway = この VPC にはインターネットゲートウェイがありません。
ui-inbound-resolver-only = { $a0 } · インバウンド Resolver のみ { $a1 }
ui-cross-zone = クロスゾーン { $a0 }

## tabs (app::Tab::title) and panel titles

ui-topology = トポロジー
ui-route-tables = ルートテーブル
ui-endpoints = エンドポイント
ui-matrix = マトリクス
ui-topology-source-target-click = トポロジー (↑↓ 送信元 · ←→ 宛先 · クリック)
ui-route-tables-won-matched = ルートテーブル (✔ 採用 · 一致)
ui-endpoints-and-gateways = エンドポイントとゲートウェイ
ui-path = 経路: { $a0 }
ui-matrix-2 = マトリクス: { $a0 }: { $a1 }
ui-keys-esc-closes = キー操作 (Esc で閉じる)
ui-unsaved-edits = 未保存の編集
ui-enter-accepts-esc-cancels = { $a0 } (Enter で確定、Esc で取り消し)

## header, tab bar, status, small screens (ui/mod.rs)

ui-vpc-tui-needs-now-q-quits = vpc-tui には { $a0 }×{ $a1 } 以上の端末が必要です (現在 { $a2 }×{ $a3 })。q で終了します。
ui-failed = 障害発生中: { $a0 }
ui-modified = 未保存の変更あり
ui-untitled = (無題)
ui-tab-next-panel = Tab: 次のパネル

## overlays (ui/overlay/)

ui-nothing-matches = 一致する項目がありません
ui-to-filter-enter-chooses-esc-closes = / で絞り込み · Enter で選択 · Esc で閉じる
ui-mouse-click-tab-instance-or-service = マウス: タブ、トポロジーのインスタンスやサービス、マトリクスのセル、リストの項目をクリックできます。
ui-edit-s-since-last-save-save = 前回の保存から { $a0 } 件の編集があります。終了する前に保存しますか？
ui-save-and-quit = 保存して終了
ui-quit-without-saving = 保存せずに終了
ui-stay = 終了しない

## path panel (ui/path.rs)

ui-j-k-ctrl-f-ctrl-b = J/K、Ctrl-f/Ctrl-b でスクロール · 残り { $a0 } 行
ui-route = ルート
ui-routes = このテーブルのルート:
ui-no-route-for = { $a0 }: { $a1 } へのルートがありません ({ $a2 })
ui-won = 採用
ui-lost = 不採用
ui-note = 注記
ui-not-evaluated = 未評価
ui-reachable-path-can-still-be-denied = { $a0 } (到達可能と判定された経路でも、ここで拒否されることがあります)

## endpoints panel (ui/endpoints.rs)

ui-gateway-endpoints = ゲートウェイエンドポイント
ui-interface-endpoints = インターフェイスエンドポイント
ui-gateway-load-balancer-endpoints = Gateway Load Balancer エンドポイント
ui-nat-gateways = NAT ゲートウェイ
ui-internet-gateway = インターネットゲートウェイ
ui-no-internet-gateway = インターネットゲートウェイなし
ui-free-route-target-no-ip-address = { $a0 } · 無料 · ルートのターゲット (IP アドレスなし)
ui-none-no-route-anywhere = なし (どのルートテーブルにもルートがありません)
ui-tables = ルートテーブル
ui-private-dns-off = プライベート DNS オフ
ui-resource-endpoint = リソースエンドポイント (VPC Lattice)
ui-service-network-endpoint = サービスネットワークエンドポイント (VPC Lattice)
ui-private-dns-on = プライベート DNS オン
ui-private-dns-on-inbound-resolver-only = プライベート DNS オン (インバウンド Resolver エンドポイントのみ)
ui-no-subnets-no-eni = サブネットなし: ENI なし
ui-eni-in = ENI { $a0 } ({ $a1 } 内、{ $a2 })
ui-dns-settings = プライベート DNS より先に決まる DNS
ui-dhcp-options = DHCP オプション { $a0 }: DNS サーバー { $a1 }
ui-resolver-rule-forward = { $a0 } が { $a1 } を { $a2 } に転送
ui-resolver-rule-system = { $a0 } (システムルール): { $a1 } には Resolver が応答
ui-hosted-zone = プライベートホストゾーン { $a0 } · { $a1 } · レコード { $a2 } 件
ui-hosted-zone-records-unknown = プライベートホストゾーン { $a0 } · { $a1 } · レコードは不明 ({ $a2 } 件のみ判明)
ui-alias = エイリアス
ui-zone-record = { $a0 } { $a1 } → { $a2 }
ui-az-failed = AZ 障害
ui-state-up = 稼働中
ui-state-down = 停止
ui-appliances-down = アプライアンス停止
ui-in = { $a0 } 内
ui-cross-zone-appliances = { $a0 } · { $a1 } · クロスゾーン負荷分散 { $a2 } · アプライアンス: { $a3 }
ui-stateful = ステートフル
ui-stateless = ステートレス
ui-on = オン
ui-off = オフ
ui-regional = リージョナル
ui-regional-every-az = リージョナル (すべての AZ)
ui-public = パブリック
ui-private = プライベート

## matrix panel (ui/matrix.rs, ui/theme.rs)

ui-rows-of-cols-of = { $a2 } 行中 { $a0 }-{ $a1 } 行 · { $a5 } 列中 { $a3 }-{ $a4 } 列
ui-help-matrix-symbols = マトリクスの記号
ui-matrix-legend = ✔g ゲートウェイエンドポイント  ✔i インターフェイスエンドポイント (I: 別の AZ のみ)  ✔n NAT  ✔w インターネットゲートウェイ  ✔l ローカル  ✔m 混在  ✖ 到達不可  ◐ 一部のみ  ⇢ VPC の外へ  ⊘ 送信元停止  ? モデル化していません
ui-matrix-legend-lattice = ✔r リソースエンドポイント  ✔s サービスネットワークエンドポイント  ✔a サービスネットワークの VPC 関連付け (R、S: 別の AZ のみ)

## route tables panel (ui/route_tables.rs)

ui-associations = 関連付け
ui-explicit = { $a0 } (明示的)
ui-main-implicit = { $a0 } (メイン、暗示的な関連付け)
ui-edge = { $a0 } (エッジの関連付け)
ui-no-subnets = サブネットなし
ui-assoc-group-sep = {" · "}
ui-main = メイン
ui-on-path = 経路上
ui-local-derived = ローカル (自動)
ui-prefix-list = プレフィックスリスト
ui-gateway-endpoint-derived = ゲートウェイエンドポイント (自動)
ui-won-2 = 採用: { $a0 }
ui-matched-lost = 一致したが不採用

## topology panel (ui/topology.rs)

ui-internet-gateway-2 = インターネットゲートウェイ { $a0 }
ui-no-internet-gateway-2 = インターネットゲートウェイなし
ui-dns-support-hostnames = { $a0 } · DNS 解決: { $a1 } · DNS ホスト名: { $a2 }
ui-az-failed-2 = AZ 障害
ui-main-2 = (メイン)
ui-public-ip = +パブリック IP
ui-pub = 公開
ui-priv = 非公開
ui-regional-nat-gateway = リージョナル NAT ゲートウェイ
ui-gateway-endpoint-for-tables = { $a0 } のゲートウェイエンドポイント · ルートテーブル: { $a1 }
ui-none = なし
ui-targets = 宛先

## status messages (app/mod.rs)

ui-choose-path-s-source-t-target = 経路を選びましょう: s で送信元、t で宛先 (トポロジーとマトリクスでは矢印キーでも)。e で編集、1-9 で AZ 障害、? でヘルプ
ui-path-2 = 経路 { $a0 }
ui-last-change-flipped-no-matrix-cell = 直前の変更で結果が変わったマトリクスのセルはありません。
ui-refused = 拒否されました: { $a0 }
ui-nothing-to-undo = 元に戻す編集はありません。
ui-undo = 元に戻す: { $a0 }
ui-undo-failed = 元に戻せませんでした: { $a0 }
ui-nothing-to-redo = やり直す編集はありません。
ui-redo = やり直し: { $a0 }
ui-redo-failed = やり直せませんでした: { $a0 }
ui-already-as-loaded = すでに読み込んだときの状態です。
ui-reset-stopped = リセットを中断しました: { $a0 }
ui-no-matrix-cell-changed = マトリクスのセルは変わりませんでした。
ui-1-matrix-cell-flipped-c-lists = マトリクスのセルが 1 つ変わりました (c で一覧)。
ui-matrix-cells-flipped-c-lists-them = マトリクスのセルが { $a0 } 個変わりました (c で一覧)。
ui-could-not-save = { $a0 } を保存できませんでした: { $a1 }
ui-saved-it-loads-and-validates-again = { $a0 } を保存しました (読み込み直しと検証も成功しています)。
ui-saved-but-it-does-not-load = { $a0 } を保存しましたが、読み込み直せません: { $a1 }
ui-scenario-has-no-instances-or-subnets = シナリオにインスタンスもサブネットもありません
ui-none-2 = (なし)
ui-any-instance = { $a0 } (任意のインスタンス)

## pickers and inputs (app/flows.rs)

ui-from-source = 送信元
ui-to-target = 宛先
ui-typed = 入力した宛先
ui-type-destination = 宛先を入力…
ui-address-cidr-s3-us-west-2 = アドレス、CIDR、s3@us-west-2、s3.amazonaws.com
ui-directory-bucket-detail = ディレクトリバケット ({ $a0 }、S3 Express One Zone)
ui-typed-target-detail = 入力済みの宛先
ui-save-as = 名前を付けて保存
ui-path-for-ron-file-e-g = RON ファイルのパス (例: my-vpc.ron)
ui-now-on = 現在オン
ui-now-off = 現在オフ
ui-edit-model = モデルを編集
ui-change-subnets-route-table = サブネットのルートテーブルを変更
ui-explicit-association-or-back-to-main = 明示的に関連付ける、またはメインに戻す
ui-make-another-table-main-table = 別のルートテーブルをメインにする
ui-add-route = ルートを追加
ui-table-destination-target = ルートテーブル → 送信先 → ターゲット
ui-replace-routes-target = ルートのターゲットを置き換え
ui-local-routes-too = ローカルルートのターゲットも可
ui-delete-route = ルートを削除
ui-create-gateway-endpoint = ゲートウェイエンドポイントを作成
ui-s3-or-dynamodb-on-route-table = S3 または DynamoDB。ルートテーブルを 1 つ選んで作成
ui-delete-gateway-endpoint = ゲートウェイエンドポイントを削除
ui-attach-or-detach-gateway-endpoints-route = ゲートウェイエンドポイントにルートテーブルを関連付け / 解除
ui-adds-or-removes-its-pl-route = pl- のルートが追加 / 削除されます
ui-create-interface-endpoint = インターフェイスエンドポイントを作成
ui-any-service-one-subnet-first = どのサービスでも可。まずサブネット 1 つで作成
ui-delete-interface-endpoint = インターフェイスエンドポイントを削除
ui-add-or-remove-interface-endpoints-subnet = インターフェイスエンドポイントのサブネットを追加 / 削除
ui-one-subnet-per-az = サブネットは AZ ごとに 1 つ
ui-lattice-delete = リソースエンドポイントまたはサービスネットワークエンドポイントを削除
ui-lattice-subnet = リソースエンドポイントまたはサービスネットワークエンドポイントのサブネットを追加 / 削除
ui-lattice-subnet-detail = エンドポイントの AZ。サブネットは AZ ごとに 1 つ
ui-lattice-endpoint = リソースエンドポイントまたはサービスネットワークエンドポイント (VPC Lattice)
ui-lattice-endpoint-detail = { $a0 } · { $a1 } · { $a2 }
ui-lattice-resource = リソースエンドポイント
ui-lattice-service-network = サービスネットワークエンドポイント
ui-turn-interface-endpoints-private-dns-on = インターフェイスエンドポイントのプライベート DNS をオン / オフ
ui-add-nat-gateway = NAT ゲートウェイを作成
ui-public-or-private = パブリックまたはプライベート
ui-delete-nat-gateway = NAT ゲートウェイを削除
ui-its-routes-become-blackholes = そこへのルートはブラックホールになります
ui-give-or-take-instances-public-ipv4 = インスタンスのパブリック IPv4 アドレスを付与 / 削除
ui-toggle-enablednssupport = enableDnsSupport (DNS 解決) を切り替え
ui-toggle-enablednshostnames = enableDnsHostnames (DNS ホスト名) を切り替え
ui-mark-gwlb-endpoints-appliances-up-or = GWLB エンドポイントのアプライアンスを稼働 / 停止にする
ui-fail-or-restore-az = AZ を障害状態にする / 復旧する
ui-also-number-keys = 数字キーでも可
ui-nothing-to-choose-from-in-this = { $a0 }: このシナリオには選べる項目がありません。
ui-to = 宛先
ui-ipv4-address-or-cidr-service-region = IPv4 アドレスか CIDR、SERVICE@REGION (s3@us-west-2)、またはグローバルな名前 (s3.amazonaws.com)
ui-route-table-for = { $a0 } に関連付けるルートテーブル
ui-destination-for-new-route-in = { $a0 } に追加するルートの送信先
ui-cidr-0-0-0-0-0 = CIDR (0.0.0.0/0、10.1.0.0/16、IPv6 なら ::/0) またはプレフィックスリスト (pl-s3、pl-dynamodb)
ui-target-that-leaves-vpc = VPC の外へ出るターゲット
ui-pcx-peering-tgw-transit-gateway-or = pcx-… (ピアリング接続)、tgw-… (トランジットゲートウェイ)、vgw-… (仮想プライベートゲートウェイ)
ui-target-for-in = { $a1 } の { $a0 } 宛てルートのターゲット
ui-route-in-to-replace = 置き換えるルート ({ $a0 })
ui-new-target-for-in = { $a1 } の { $a0 } 宛てルートの新しいターゲット
ui-route-in-to-delete = 削除するルート ({ $a0 })
ui-first-route-table-for-gateway-endpoint = { $a0 } のゲートウェイエンドポイントを関連付ける最初のルートテーブル
ui-none-yet = (今はなし)
ui-attach-tables-later = ルートテーブルは後で関連付け
ui-attach-to-or-detach-it-from = { $a0 } を関連付ける / 関連付けを解除するルートテーブル
ui-attached-choose-to-detach = 関連付け済み: 選ぶと解除
ui-choose-to-attach = 選ぶと関連付け
ui-first-subnet-for-interface-endpoint = { $a0 } のインターフェイスエンドポイントを置く最初のサブネット
ui-subnet-to-add-to-or-to = { $a0 } に追加する、または { $a0 } から削除するサブネット
ui-has-eni-choose-to-remove = { $a0 } · ENI あり: 選ぶと削除
ui-connectivity-of-nat-gateway-in = { $a0 } に置く NAT ゲートウェイの接続タイプ
ui-to-internet-through-internet-gateway = インターネットゲートウェイ経由でインターネットへ
ui-to-other-vpcs-or-on-premises = 他の VPC やオンプレミスへ。インターネットには出られません
ui-subnet-whose-route-table-to-change = ルートテーブルを変更するサブネット
ui-make-this-main-route-table = メインにするルートテーブル
ui-route-table = ルートテーブル
ui-service-for-gateway-endpoint = ゲートウェイエンドポイントのサービス
ui-tables-2 = { $a0 } · ルートテーブル: { $a1 }
ui-gateway-endpoint = ゲートウェイエンドポイント
ui-service-for-interface-endpoint = インターフェイスエンドポイントのサービス
ui-private-dns = { $a0 } · プライベート DNS { $a1 } · { $a2 }
ui-interface-endpoint = インターフェイスエンドポイント
ui-subnet-for-nat-gateway = NAT ゲートウェイを置くサブネット
ui-nat-gateway-to-delete = 削除する NAT ゲートウェイ
ui-has-public-ipv4-address-choose-to = パブリック IPv4 アドレスあり: 選ぶと削除
ui-private-only-choose-to-give-it = プライベートのみ: 選ぶとパブリック IPv4 アドレスを付与
ui-instance = インスタンス
ui-appliances = { $a0 } · アプライアンス { $a1 }
ui-gwlb-endpoint = GWLB エンドポイント
ui-failed-choose-to-restore = 障害中: 選ぶと復旧
ui-up-choose-to-fail = 稼働中: 選ぶと障害状態に
ui-availability-zone = アベイラビリティーゾーン
ui-target-that-leaves-vpc-starts-with = { $a0 }: VPC の外へ出るターゲットは pcx-、tgw-、vgw- のどれかで始まります。
ui-save-as-no-path-given = 名前を付けて保存: パスが入力されていません。
ui-to-2 = 宛先 { $a0 }: { $a1 }
ui-main-implicit-2 = (メイン、暗示的な関連付け)
ui-main-3 = メイン
ui-main-remove-explicit-association = メイン (明示的な関連付けを解除)
ui-subnet-then-uses-main-table = サブネットはメインルートテーブルを使うようになります
ui-restore-local-route = ローカルルートに戻す
ui-internet-gateway-3 = インターネットゲートウェイ
ui-egress-only-internet-gateway = Egress-Only インターネットゲートウェイ (IPv6 の送信のみ、受信なし)
ui-nat-gateway = NAT ゲートウェイ ({ $a0 })
ui-gateway-load-balancer-endpoint = Gateway Load Balancer エンドポイント
ui-network-interface = ネットワークインターフェイス
ui-drop-traffic = トラフィックを破棄
ui-type-peering-transit-or-virtual-private = ピアリング接続、トランジットゲートウェイ、仮想プライベートゲートウェイを入力…
ui-prefix-list-destination-names-service-pl = プレフィックスリストの送信先にはサービス名を付けます: pl-s3、pl-dynamodb。
ui-is-neither-cidr-10-1-0 = { $a0 } は CIDR (10.1.0.0/16) でもプレフィックスリスト (pl-s3) でもありません。
ui-unknown-target = 不明なターゲット { $a0 }

## keymap: Context titles (app/keymap.rs)

ui-main-screen = メイン画面
ui-in-list = リストの中
ui-typing-filter-address-path = 入力中 (絞り込み、アドレス、パス)
ui-unsaved-edits-on-quit = 終了時に未保存の編集があるとき
ui-help-and-lists = ヘルプと一覧

## keymap: help texts

ui-quit-asks-first-if-there-are = 終了 (未保存の編集があれば先に確認します)
ui-quit-now-without-saving = 保存せずにすぐ終了
ui-this-help = このヘルプ
ui-choose-source-instance-or-subnet = 送信元を選ぶ (インスタンスまたはサブネット)
ui-choose-target-service-workload-address = 宛先 (サービス、ワークロード、アドレス)、セキュリティグループとネットワーク ACL で評価するトラフィック (プロトコルとポート。既定は tcp/443)、またはエンドポイントポリシーとバケットポリシーで評価するリクエスト (アクションとリソース。既定はすべて) を選ぶ
ui-previous-next-source = 前 / 次の送信元
ui-previous-next-target = 前 / 次の宛先
ui-next-panel = 次のパネル
ui-previous-panel = 前のパネル
ui-topology-previous-source-matrix-move-others = トポロジー: 前の送信元 · マトリクス: 移動 · その他: スクロール
ui-topology-next-source-matrix-move-others = トポロジー: 次の送信元 · マトリクス: 移動 · その他: スクロール
ui-previous-target-matrix-move-left = 前の宛先 (マトリクス: 左へ移動)
ui-next-target-matrix-move-right = 次の宛先 (マトリクス: 右へ移動)
ui-page-up = 前のページ
ui-page-down = 次のページ
ui-top = 先頭へ
ui-bottom = 末尾へ
ui-scroll-path-panel-down = 経路パネルを下へスクロール
ui-scroll-path-panel-up = 経路パネルを上へスクロール
ui-page-path-panel-down = 経路パネルを 1 ページ下へ
ui-page-path-panel-up = 経路パネルを 1 ページ上へ
ui-fail-restore-az-with-that-number = その番号の AZ を障害状態にする / 復旧する
ui-edit-model-routes-endpoints-nat-dns = モデルを編集 (ルート、エンドポイント、NAT、DNS、セキュリティグループ、ネットワーク ACL など)
ui-undo-2 = 元に戻す
ui-redo-2 = やり直す
ui-reset-to-file-as-loaded-redo = 読み込んだときの状態に戻す (やり直しで編集を戻せます)
ui-list-matrix-cells-last-change-flipped = 直前の変更で結果が変わったマトリクスのセルを一覧表示
ui-save-atomic-asks-for-path-for = 保存 (安全に書き換え。組み込みシナリオではパスを尋ねます)
ui-save-as-2 = 名前を付けて保存
ui-matrix-show-selected-cells-path = マトリクス: 選んだセルの経路を表示
ui-clear-status-line = ステータス行を消す
ui-up = 上へ
ui-down = 下へ
ui-first = 先頭へ
ui-last = 末尾へ
ui-choose = 選択
ui-filter-by-typing = 入力して絞り込み
ui-close = 閉じる
ui-accept = 確定
ui-delete-character = 1 文字削除
ui-up-filter = 上へ (絞り込み中)
ui-down-filter = 下へ (絞り込み中)
ui-stop-typing-close = 入力をやめる / 閉じる
ui-save-then-quit = 保存してから終了
ui-scroll = スクロール

## keymap: footer words

ui-quit = 終了
ui-help = ヘルプ
ui-source = 送信元
ui-target = 宛先
ui-panel = パネル
ui-fail-az = AZ 障害
ui-edit = 編集
ui-save = 保存
ui-move = 移動
ui-filter = 絞り込み
ui-stop = 中止

## saving, recovery and the line editor (issue 15)

ui-lesson-file-is-not-overwritten-from = レッスン中はレッスンのファイルを上書きしません。このステップの状態を新しいシナリオ (レッスンなし) として保存してください。
ui-changed-on-disk-since-it-was = { $a0 } は開いた後にディスク上で変更されています
ui-overwrite = 上書きする
ui-replace-other-programs-changes = ほかのプログラムによる変更を置き換えます
ui-save-as-3 = 名前を付けて保存…
ui-keep-both-write-to-another-file = 両方を残します: 別のファイルに書き込みます
ui-cancel = キャンセル
ui-do-not-save-now = 今は保存しません
ui-that-is-lessons-own-file-choose = これはレッスン自体のファイルです。別の名前を指定してください。
ui-exists = { $a0 } はすでに存在します
ui-replace-file = ファイルを置き換えます
ui-choose-another-path = 別のパスを指定する
ui-back-to-what-you-typed = 入力したパスに戻ります
ui-save-anyway = このまま保存する
ui-drop-those-comments-and-save = それらのコメントを捨てて保存します
ui-keep-this-file-as-it-is-write = このファイルはそのままにして、別のファイルに書き込みます
ui-layout-could-not-be-kept-written-in-full = 元のレイアウトを保てなかったため、ファイル全体を書き直しました。
ui-not-saved = 保存していません。
ui-unsaved-edits-of-this-file-were = 前回 vpc-tui が終了したとき、このファイルの未保存の編集が保管されました ({ $a0 })
ui-restore-them = 復元する
ui-continue-from-kept-edits-not-saved = 保管された編集から続けます (まだ保存されていません)
ui-discard-them = 破棄する
ui-delete-recovery-file = 復元用ファイルを削除します
ui-decide-later = あとで決める
ui-keep-recovery-file-open-file-as = 復元用ファイルを残し、保存済みのファイルを開きます
ui-restored-unsaved-edits-kept-in = { $a0 } に保管されていた未保存の編集を復元
ui-recovery-file-deleted = 復元用ファイルを削除しました。
ui-signal-edits-kept = vpc-tui: { $a0 }: 未保存の編集を { $a1 } に保管しました。同じファイルをもう一度開くと、復元できます。
ui-signal-edits-lost = vpc-tui: { $a0 }: 未保存の編集を保管できませんでした: { $a1 }
ui-signal-too-slow = vpc-tui: { $a0 }: vpc-tui が時間内に終了しませんでした。
ui-move-cursor = カーソルを移動
ui-start-end-of-line = 行頭 / 行末へ
ui-delete-character-under-cursor = カーソル位置の文字を削除
ui-delete-to-start-of-line = 行頭まで削除
ui-delete-word-before-cursor = カーソルの前の単語を削除
ui-input-is-full-characters = 入力できるのは { $a0 } 文字までです。
ui-answer-first-then-c-lists = 先に問題に答えてください (a)。変化したセルの一覧は答えを明かしてしまいます。
ui-lesson-scroll-narration = レッスン: 説明を上 / 下にスクロール
ui-scroll-marker = { $a2 } 行中 { $a0 }–{ $a1 } · { $a3 }
ui-added-by-this-step = このステップで追加
ui-removed-by-this-step = このステップで削除
ui-main-route-table = メインルートテーブル

## 編集の流れ: 各ステップの見出しに操作名を出し、切り替えは適用の前に現在の値を見せる
ui-flow-step = { $a0 } › { $a1 }
ui-set-endpoint-policy = VPC エンドポイントのポリシーを設定またはリセット
ui-full-access-or-aws-default = フルアクセス、または AWS のデフォルト
ui-vpc-endpoint = VPC エンドポイント
ui-endpoint-policy-now = { $a0 } · ポリシー: { $a1 }
ui-policy-own = 独自のポリシー
ui-policy-default = AWS のデフォルト (フルアクセス)
ui-endpoint-policy-of = { $a0 } のエンドポイントポリシー
ui-policy-full-access = フルアクセス
ui-policy-full-access-hint = AWS のデフォルトポリシーを明示的に書いたもの: すべてのプリンシパルに、すべてのリソースへのすべてのアクションを許可
ui-policy-reset = AWS のデフォルトに戻す
ui-policy-reset-hint = 独自のポリシーを削除します (modify-vpc-endpoint --reset-policy)
ui-policy-typed = ポリシードキュメントを入力
ui-policy-typed-hint = describe-vpc-endpoints の PolicyDocument と同じ JSON
ui-policy-json-prompt = ポリシー (JSON)
ui-policy-json-hint = JSON のポリシードキュメント: Statement ごとに Effect、Principal、Action、Resource
ui-bpa-menu = パブリックアクセスのブロック: モードと除外
ui-bpa-now = { $a0 }、除外 { $a1 } 件
ui-bpa-title = モードまたは除外
ui-bpa-set-mode = モード: { $a0 }
ui-bpa-current = 現在のモード
ui-bpa-exclude = { $a0 } を除外
ui-bpa-not-excluded = 除外なし
ui-bpa-delete-exclusion = { $a0 } の除外を削除
ui-bpa-excluded = 除外あり: { $a0 } ({ $a1 })
ui-bpa-exclusion-mode = 除外のモード
ui-bpa-allow-bidirectional-hint = インターネットとの間のトラフィックをすべて許可
ui-bpa-allow-egress-hint = 送信を許可、受信はブロック (双方向モードのときだけ)
ui-dns-menu = DNS: プライベートホストゾーン、Resolver ルール、DHCP オプション
ui-dns-now = VPC に { $a0 } 件
ui-dns-title = VPC から外すもの
ui-dns-remove-zone = プライベートホストゾーン { $a0 } の関連付けを解除
ui-dns-remove-rule = Resolver ルール { $a0 } の関連付けを解除
ui-dns-default-dhcp = デフォルトの DHCP オプション (AmazonProvidedDNS) を使う
ui-dns-now-dhcp = 現在: { $a0 }
ui-bpa-header = パブリックアクセスのブロック: { $a0 }、除外 { $a1 } 件
ui-confirm-change = この変更を適用しますか?
ui-leave-it-as-it-is = 変更しない
ui-now-setting = 現在: { $a0 }は{ $a1 }
ui-setting-private-dns = プライベート DNS
ui-setting-inbound-resolver-only = インバウンド Resolver エンドポイント専用のプライベート DNS
ui-setting-cross-zone = クロスゾーン負荷分散
ui-setting-public-ip = パブリック IPv4 アドレス

## 読み込み時の警告 (`!` で一覧)
ui-import-warnings = 読み込み時の警告: AWS からのインポートで { $a0 } 件、検証で { $a1 } 件 (! で一覧)。
ui-import-warning = AWS からのインポート: { $a0 }
ui-no-warnings = 読み込み時の警告はありません。
ui-list-warnings = インポートと検証の警告を一覧表示
ui-warnings-title = 警告 ({ $a0 } 件) · Esc で閉じる

## fixes and weak points (app/fixes.rs, ui/fixes.rs)

ui-fixes-or-weak-points-of-path = 到達できない経路の修正案 (Enter で適用)、到達できる経路の単一障害点
ui-matrix-mark-cells-with-spof = マトリクス: 単一障害点のあるセルに ! を付ける / 外す
ui-path-ip-version-cycle = 経路とマトリクス: IP バージョンを IPv4 → IPv6 → auto (クライアントが実際に使うもの) の順に切り替え
ui-in-fixes-list = 修正案の一覧
ui-next-suggestion = 次の修正案 (単一障害点ではスクロール)
ui-previous-suggestion = 前の修正案 (単一障害点ではスクロール)
ui-apply-suggestion-one-undo = 選んだ修正案を適用 (u で全体を元に戻す)
ui-apply = 適用
ui-answer-first-then-f = 先に問題に答えてください (a)。修正案は答えを明かしてしまいます。
ui-no-path-to-fix = 修正する経路がありません。送信元と宛先を選んでください。
ui-fix-applied = 修正案 { $a0 } を適用: { $a1 }
ui-spof-marks-on = マトリクス: 単一障害点のある到達可能なセル { $a0 } 個に ! を付けました。F で外します。
ui-spof-marks-off = マトリクス: 単一障害点の印を外しました。
ui-family-now-ipv4 = 経路とマトリクス: IPv4 (v で IPv6 に切り替えます)。
ui-family-now-ipv6 = 経路とマトリクス: IPv6 (v で auto に切り替えます)。
ui-family-now-auto = 経路とマトリクス: auto、クライアントが実際に使う IP バージョン (RFC 6724。v で IPv4 に切り替えます)。
ui-spof-legend = ! 単一障害点あり
ui-fixes-now = 現在: { $a0 }
ui-fixes-title = { $a0 } の修正案: { $a2 } 件中 { $a1 } 件目 · Enter で適用 · Esc で閉じる
ui-fixes-title-none = { $a0 } の修正案 · Esc で閉じる
ui-weak-title = { $a0 } の単一障害点 · Esc で閉じる
ui-fix-hint = f: 修正案 { $a0 } 件。最善は「{ $a1 }」(月額 { $a2 } { $a3 })
ui-fix-hint-none = f: 修正案なし。{ $a0 }
ui-fix-hint-lazy = f: この経路の修正案を探す
ui-spof-hint = ⚠ 単一障害点 { $a0 } 個: { $a1 } (f で一覧)
ui-spof-none-hint = ✔ 単一障害点なし。{ $a0 }
ui-spof-hint-lazy = f: この経路を止めうるものを調べる
ui-fix-question-hint = 話し合ってから f を押すと、修正案が表示されます。
ui-fix-question-status = どう直しますか？ 話し合ってから f を押してください。
ui-title-fixes = f: 修正案 { $a0 } 件
ui-title-spof = ⚠ 単一障害点 { $a0 } (f)
ui-title-no-spof = ✔ 単一障害点なし

## セキュリティパネル (src/ui/security.rs。引数のあるメッセージは trace.ftl)

ui-security = セキュリティ
ui-security-title = 経路上のセキュリティ
ui-security-title-legend = { $a0 } ({ $a1 })
ui-sec-legend-allowed = ✔ 許可
ui-sec-legend-limited = ◐ 一部のリクエストだけ許可
ui-sec-legend-denied = ✖ 拒否
ui-sec-legend-unknown = ? 評価できません
ui-sec-denied-no-rule = ✖ 拒否: 許可するルールがありません (セキュリティグループはルールで指定したものだけを許可します)
ui-sec-rules = ルール:
ui-sec-acl-reply-hint = ネットワーク ACL はステートレスです。クライアントのエフェメラルポートに戻る応答にも専用のルールが必要です
ui-sec-sdc-off = ✔ 許可: チェックが無効なので、自分宛てでないトラフィックも転送します
ui-sec-hidden = 先に質問に答えてください (a)。セキュリティの評価を見ると答えがわかってしまいます。
ui-sec-none = この経路ではセキュリティグループ、ネットワーク ACL、送信元/送信先チェック、ポリシーのどれも判定していません。その前で止まったか、1 つのサブネット内で完結しています。
ui-sec-policy-limited-hint = 1 つのリクエストについて調べるには、宛先の選択 (t) で「リクエスト…」を選んでください
ui-sec-no-path = 経路が選ばれていません。

## 経路で評価するトラフィック (t →「トラフィック…」)

ui-probe-item = トラフィック: { $a0 }…
ui-probe-item-detail = セキュリティグループとネットワーク ACL で評価するプロトコルとポート (tcp/443、udp/53、icmp、all)
ui-probe-prompt = プロトコルとポート
ui-probe-hint = tcp/443、udp/53、tcp (ポート 443)、icmp、all、default (TCP 443。VPC Lattice のリソースはそのリソースのポート) のいずれか。セキュリティグループとネットワーク ACL のルールと照合します
ui-probe-set = トラフィックを { $a0 } にしました (パスとマトリクスのすべてのセルで、セキュリティグループとネットワーク ACL がこのトラフィックを評価します)
ui-probe-bad = { $a0 } はプロトコルとポートとして読めません。tcp/443、udp/53、icmp、all のように入力してください
ui-request-item = リクエスト: { $a0 }…
ui-request-item-detail = エンドポイントポリシーとバケットポリシーで評価するアクションとリソース (s3:GetObject arn:aws:s3:::bucket/key)
ui-request-prompt = アクションとリソース
ui-request-hint = s3:GetObject、arn:aws:s3:::bucket/key、またはその両方をスペースで区切って入力します。空ならすべてのリクエストです。エンドポイントポリシーとバケットポリシーがこれを判定します
ui-request-any = すべてのリクエスト
ui-request-set = リクエストを { $a0 } にしました (エンドポイントポリシーとバケットポリシーで評価します。マトリクスはすべてのリクエストのままです)
ui-request-bad = { $a0 } はアクションとリソースとして読めません。s3:GetObject arn:aws:s3:::bucket/key のように、どちらか一方か両方を入力するか、空にしてください
ui-path-probe = { $a0 } · { $a1 }
ui-path-family-auto = IPv4/IPv6 自動
ui-ipv6-only = IPv6 専用
ui-no-ipv4 = IPv4 なし

## 編集メニューのセキュリティ関連の操作 (app/flows/security.rs)。
ui-sec-menu = セキュリティグループ、ネットワーク ACL、送信元/送信先チェック
ui-sec-rule-remove = セキュリティグループのルールを削除
ui-sec-rule-add = セキュリティグループのルールを追加
ui-sec-rule-add-detail = CIDR、グループ、プレフィックスリストからの tcp/443 など
ui-sec-attach = セキュリティグループをアタッチ/デタッチ
ui-sec-acl-remove = ネットワーク ACL のルールを削除
ui-sec-acl-renumber = ネットワーク ACL のルール番号を変更
ui-sec-acl-renumber-detail = 一致したルールのうち番号が最も小さいものが適用されます
ui-sec-acl-add = ネットワーク ACL のルールを追加
ui-sec-acl-add-detail = 番号、許可/拒否、トラフィック、CIDR
ui-sec-acl-associate = サブネットをネットワーク ACL に関連付け
ui-sec-sdc = アプライアンスの送信元/送信先チェックを切り替え
ui-sec-rule-to-remove = 削除するルール
ui-sec-group-and-direction = 新しいルールのグループと方向
ui-sec-inbound-of = { $a0 } のインバウンドルール
ui-sec-outbound-of = { $a0 } のアウトバウンドルール
ui-sec-rule-hint-in = 「プロトコル/ポート」と「送信元」を空白で区切って入力: tcp/443 10.0.0.0/16、tcp/443 sg-app、udp/53 pl-s3、all 0.0.0.0/0
ui-sec-rule-hint-out = 「プロトコル/ポート」と「送信先」を空白で区切って入力: tcp/443 0.0.0.0/0、tcp/443 pl-s3、tcp/5432 sg-db、all 0.0.0.0/0
ui-sec-interface = インスタンス、エンドポイント、ネットワークインターフェイス
ui-sec-group-for = { $a0 } にアタッチ/デタッチするグループ
ui-sec-detach = アタッチ済み: 選ぶとデタッチ
ui-sec-attach-this = 選ぶとアタッチ
ui-sec-acl-rule-to-remove = 削除するネットワーク ACL のルール
ui-sec-acl-rule-to-renumber = 番号を変更するネットワーク ACL のルール
ui-sec-new-number-for = { $a1 } のルール { $a0 } の新しい番号
ui-sec-new-number-hint = 1〜32766 で、同じ方向で使われていない番号
ui-sec-acl-and-direction = 新しいルールのネットワーク ACL と方向
ui-sec-acl-rule-hint = 番号 allow|deny プロトコル/ポート CIDR: 110 allow tcp/1024-65535 0.0.0.0/0
ui-sec-subnet-for-acl = ネットワーク ACL を変更するサブネット
ui-sec-acl-for = { $a0 } のネットワーク ACL
ui-sec-default-acl = デフォルトのネットワーク ACL
ui-sec-sdc-now = 現在: { $a0 }
ui-sec-sdc-unknown = 指定なし (AWS の既定はオン)
ui-sec-bad-text = { $a0 } はこの手順で入力できるルールではありません。{ $a1 } の形で入力してください
