# 修正案と単一障害点 (issue 19): `check --suggest` と `check --spof`。

fix-cell = { $instance } → { $to }
fix-cells-none = なし
fix-none-reachable = この経路は到達可能です。修正するものはありません。
fix-none-source-down = 送信元の AZ で障害が起きています。AZ を復旧させる編集はありません。
fix-none-leaves-vpc = この経路は VPC の外へ出ます。その先はモデルの範囲外です。
fix-none-bpa-exclusion = 「VPC のパブリックアクセスをブロック」がこの経路をブロックしており、代わりに運べる VPC エンドポイントもありません。通すには除外 (AddBpaExclusion、対象はトレースが示すサブネット) しかありません。除外はそのサブネットをインターネットに開くため、ここでは提案せず、運用方針として判断してもらいます。
fix-none-found = モデルにあるものを使った 1 つまたは 2 つの編集では、この経路を到達可能にできません。
fix-suggestions-head = { $count ->
    [one] 修正案は 1 件です:
   *[other] 修正案は { $count } 件です (よい順):
}
fix-suggestion-head = { $n }.
fix-suggestion-edit = {"   "}{ $edit }
fix-suggestion-change = {"   "}変更内容: { $change }
fix-change-allow-statement = { $owner } のエンドポイントポリシーに、{ $resource } に対する { $action } を許可するステートメントを追加します (追加するのはこれだけで、ほかのステートメントはそのまま残ります)
fix-change-without-statement = { $owner } のエンドポイントポリシーからステートメント { $index }{ $sid ->
    [none] {""}
   *[other] {" "}({ $sid })
} を取り除きます。このリクエストを拒否していた Deny です
fix-change-source-vpce = バケット { $bucket } のバケットポリシーのステートメント { $index }{ $sid ->
    [none] {""}
   *[other] {" "}({ $sid })
} は aws:SourceIp で拒否していますが、VPC エンドポイント経由のリクエストには aws:SourceIp がありません。そこで条件 StringNotEquals aws:SourceVpce { $endpoint } を加えます。これで、許可したアドレスからでも { $endpoint } 経由でもないリクエストだけを拒否し続けます
fix-suggestion-after = {"   "}適用後: { $verdict }
fix-suggestion-gained = {"   "}到達可能になるセル: { $cells }
fix-suggestion-lost = {"   "}到達不可になるセル: { $cells }
fix-suggestion-cost = {"   "}月額コストの変化: { $amount } { $currency }
fix-suggestion-why = {"   "}この順位の理由: { $why }
fix-why-fixes = 経路が到達可能になる ({ $verdict })
fix-why-breaks-nothing = ほかのセルを到達不可にしない
fix-why-breaks = ほかの { $count } 件のセルを到達不可にする
fix-why-also = ほかの { $count } 件のセルも到達可能にする
fix-why-free = 追加のコストがかからない
fix-why-costs = 月額 { $amount } { $currency } かかる
fix-why-saves = 月額 { $amount } { $currency } 安くなる
fix-why-no-az-dependency = 送信元以外の AZ に依存しない
fix-why-az-dependency = { $azs } にも依存する
fix-why-placeholder = { $ids } は仮の ID で、実際の ID は AWS が決める
fix-why-best = 最良の修正案
fix-why-below = { $above } 番より下なのは、{ $because }ため
fix-key-breaks-more = 到達不可にするセルが多い
fix-key-costs-more = コストが高い
fix-key-less-resilient = 依存する AZ が多い
fix-key-more-edits = 編集の数が多い
fix-key-fixes-fewer = 到達可能にするほかのセルが少ない
fix-key-tie = どの基準でも同じで、後から見つかった
fix-weak-not-modelled = この経路はモデル化していない (判定できない) ため、単一障害点は挙げられません。
fix-weak-not-reachable = この経路は到達不可なので、単一障害点はありません (--suggest を試してください)。
fix-weak-none = 送信元の AZ を除き、単独の障害でこの経路が途切れることはありません。
fix-weak-head = 単一障害点は { $count } 件です:
fix-weak-line = {"  "}{ $what }: 経路は{ $verdict }
fix-weak-az = AZ { $id } の障害
fix-weak-nat_gateway = NAT ゲートウェイ { $id }
fix-weak-gwlb_appliances = GWLB エンドポイント { $id } の背後のアプライアンス
fix-weak-interface_endpoint = インターフェイスエンドポイント { $id }
fix-weak-resource_endpoint = リソースエンドポイント { $id }
fix-weak-service_network_endpoint = サービスネットワークエンドポイント { $id }
fix-weak-endpoint_eni = { $id } にある { $detail } の ENI
fix-weak-gateway_endpoint = ゲートウェイエンドポイント { $id }
fix-weak-route = { $id } のルート { $detail }
fix-weak-source-az = どの経路もそうであるように、送信元の AZ ({ $az }) の障害では途切れます。
fix-survives-any-az = 送信元以外のどの AZ が 1 つ失われても、この経路は途切れません。
fix-survives-any-az-enis = 送信元以外のどの AZ が 1 つ失われても、この経路は途切れません。ENI が { $count } つの AZ ({ $azs }) にあります。
fix-survives-azs = { $azs } が失われても、この経路は途切れません。
fix-apply-none = 修正案 { $n } はありません (修正案は { $count } 件です)。
fix-write-failed = { $path } に書き込めません: { $error }
fix-applied = 修正案 { $n } を適用して { $path } に書き込みました ({ $edits })。
fix-expect-rewritten = expect { $entry } ({ $from } → { $to }) を修正後のシナリオの答えに合わせて書き換えました: { $now } (修正前は { $was })。
fix-lesson-dropped = レッスンは書き込んだファイルに含めていません。レッスンの各ステップは修正前の VPC を前提にしており、修正後の VPC では成り立たないためです。
fix-matrix-spof-head = { $count ->
    [0] 単一障害点のある到達可能なセルはありません (送信元の AZ を除く)。
   *[other] 単一障害点のある到達可能なセルは { $count } 件です:
}
fix-matrix-spof-line = {"  "}{ $instance } → { $to }: { $weak }

## The explorer's fixes list (f): one fact a line under each suggestion.

fix-fact-after = 適用後: { $verdict }
fix-fact-gained = 到達可能になるセル: { $cells }
fix-fact-lost = 到達不可になるセル: { $cells }
fix-fact-cost = 月額コストの変化: { $amount } { $currency }
fix-fact-azs = 送信元以外に依存する AZ: { $azs }
fix-azs-none = なし
fix-fact-why = この順位の理由: { $why }
fix-cells-more = { $cells } ほか { $more } 個
