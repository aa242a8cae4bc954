### 編集の説明: 編集後のステータス行、元に戻す / やり直す、レッスンの変更一覧。
### ID、CIDR、AZ 名、属性名は引数で、そのまま表示します。用語は docs/glossary-ja.md に従います。

edit-associate-subnet = { $subnet } を { $table } に関連付け
edit-use-main-table = { $subnet } の明示的な関連付けを解除 (以後はメインルートテーブルを使用)
edit-set-main-table = { $table } をメインルートテーブルに設定
edit-add-route = { $table } にルート { $destination } → { $target } を追加
edit-restore-local = { $table } の { $destination } のターゲットを local に戻す
edit-replace-route = { $table } の { $destination } のターゲットを { $target } に変更
edit-delete-route = { $table } から { $destination } へのルートを削除
edit-add-gateway-endpoint = { $service } のゲートウェイエンドポイント { $endpoint } を追加 ({ $count ->
    [0] 関連付けるルートテーブルなし
   *[other] 関連付け先: { $tables }
})
edit-delete-gateway-endpoint = ゲートウェイエンドポイント { $endpoint } を削除
edit-attach-gateway-endpoint = { $endpoint } を { $table } に関連付け
edit-detach-gateway-endpoint = { $endpoint } と { $table } の関連付けを解除
edit-add-interface-endpoint = { $service } の{ $kind ->
    [resource] リソースエンドポイント
    [service-network] サービスネットワークエンドポイント
   *[interface] インターフェイスエンドポイント
} { $endpoint } を追加 ({ $count ->
    [0] サブネットなし
   *[other] サブネット: { $subnets }
})
edit-delete-interface-endpoint = エンドポイント { $endpoint } を削除
edit-add-endpoint-subnet = { $endpoint } に { $subnet } を追加
edit-add-endpoint-subnet-ip = { $endpoint } に { $subnet } ({ $ip }) を追加
edit-remove-endpoint-subnet = { $endpoint } から { $subnet } を削除
edit-private-dns = { $endpoint } のプライベート DNS を{ $on ->
    [yes] オン
   *[no] オフ
}にする
edit-private-dns-inbound-only = { $endpoint } の「インバウンド Resolver エンドポイントのみのプライベート DNS」を{ $on ->
    [yes] オン
   *[no] オフ
}にする
edit-add-nat-gateway = { $place ->
    [regional] リージョナル { $private ->
        [yes] プライベート NAT ゲートウェイ
       *[no] NAT ゲートウェイ
    } { $nat } を追加
    [subnet] { $subnet } に{ $private ->
        [yes] プライベート NAT ゲートウェイ
       *[no] NAT ゲートウェイ
    } { $nat } を追加
   *[none] { $private ->
        [yes] プライベート NAT ゲートウェイ
       *[no] NAT ゲートウェイ
    } { $nat } を追加
}
edit-delete-nat-gateway = NAT ゲートウェイ { $nat } を削除 (そこへのルートはブラックホールになります)
edit-give-public-ip = { $instance } にパブリック IPv4 アドレスを付与
edit-remove-public-ip = { $instance } のパブリック IPv4 アドレスを削除
edit-dns-support = enableDnsSupport (DNS 解決) を{ $on ->
    [yes] オン
   *[no] オフ
}にする
edit-dns-hostnames = enableDnsHostnames (DNS ホスト名) を{ $on ->
    [yes] オン
   *[no] オフ
}にする
edit-gwlb-appliances = { $endpoint } の背後のアプライアンスを{ $up ->
    [yes] 稼働中
   *[no] 停止状態
}にする
edit-associate-gateway = { $table } を { $gateway } のエッジルートテーブルに設定 (エッジの関連付け)
edit-disassociate-gateway = { $gateway } と { $table } のエッジの関連付けを解除
edit-appliance-health = { $load_balancer } の { $az } のアプライアンスを{ $healthy ->
    [yes] 正常
   *[no] 異常
}な状態にする
edit-cross-zone = { $load_balancer } のクロスゾーン負荷分散を{ $on ->
    [yes] オン
   *[no] オフ
}にする
edit-fail-az = AZ { $az } を障害状態にする
edit-restore-az = AZ { $az } を復旧する
edit-restore-every-az = すべての AZ を復旧する
edit-set-failed-azs = 障害状態の AZ を { $azs } にする
edit-no-change = 変更なし
edit-batch = { $count } 件の変更: { $edits }
edit-batch-sep = {" "}/{" "}

## レッスンのステップの変更: 追加 (+)、削除 (−)、AZ の障害 (✖)、変更 (~) の印を付けます。

edit-change-line = { $mark } { $edit }

## ステータス行と、判定が変わったセルの一覧。

edit-undo = 元に戻す: { $edit }
edit-redo = やり直し: { $edit }

## 表示できないレッスン。

lesson-none = このシナリオにはレッスンがありません。
lesson-edit-refused = レッスンのステップ { $step } ({ $title }): 編集「{ $edit }」は適用できません: { $error }
lesson-no-step = レッスンのステップは { $steps } 個です。ステップ { $step } はありません。

## セキュリティグループとネットワーク ACL

edit-add-sg-rule = { $group } に{ $direction ->
    [egress] アウトバウンド
   *[ingress] インバウンド
}ルールを追加 ({ $direction ->
    [egress] { $peer } への
   *[ingress] { $peer } からの
} { $traffic })
edit-remove-sg-rule = { $group } の{ $direction ->
    [egress] アウトバウンド
   *[ingress] インバウンド
}ルール { $index } を削除
edit-attach-sg = { $interface } に { $group } をアタッチ
edit-detach-sg = { $interface } から { $group } をデタッチ
edit-add-acl-rule = { $acl } に{ $direction ->
    [outbound] アウトバウンド
   *[inbound] インバウンド
}ルール { $number } を追加 ({ $direction ->
    [outbound] { $cidr } への
   *[inbound] { $cidr } からの
} { $traffic } を{ $allow ->
    [yes] 許可
   *[no] 拒否
})
edit-remove-acl-rule = { $acl } の{ $direction ->
    [outbound] アウトバウンド
   *[inbound] インバウンド
}ルール { $number } を削除
edit-renumber-acl-rule = { $acl } の{ $direction ->
    [outbound] アウトバウンド
   *[inbound] インバウンド
}ルール { $number } の番号を { $new } に変更
edit-associate-acl = { $subnet } をネットワーク ACL { $acl } に関連付け
edit-associate-default-acl = { $subnet } をデフォルトのネットワーク ACL に関連付け
edit-endpoint-policy = { $case ->
    [full] { $endpoint } にフルアクセスのエンドポイントポリシーを設定
    [reset] { $endpoint } のエンドポイントポリシーを AWS のデフォルト (フルアクセス) に戻す
   *[custom] { $endpoint } のエンドポイントポリシーを設定 (ステートメント { $count } 件)
}
edit-bpa-mode = { $off ->
    [yes] 「VPC のパブリックアクセスをブロック」をオフにする
   *[no] 「VPC のパブリックアクセスをブロック」を{ $mode }モードにする
}
edit-bpa-exclusion-add = { $vpc ->
    [yes] VPC
   *[no] { $target }
} をパブリックアクセスのブロックから除外 ({ $mode })
edit-bpa-exclusion-remove = { $vpc ->
    [yes] VPC
   *[no] { $target }
} のパブリックアクセスのブロックの除外を削除
edit-dhcp-options = { $default ->
    [yes] VPC の DHCP オプションをデフォルト (AmazonProvidedDNS) に戻す
   *[no] DHCP オプションセット { $options } (DNS サーバー { $servers }) を VPC に関連付け
}
edit-resolver-rule-add = { $domain } の Resolver { $forward ->
    [yes] 転送ルール
   *[no] システムルール
} { $rule } を VPC に関連付け
edit-resolver-rule-remove = Resolver ルール { $rule } の VPC との関連付けを解除
edit-hosted-zone-add = プライベートホストゾーン { $zone } ({ $name }、レコード { $count } 件) を VPC に関連付け
edit-hosted-zone-remove = プライベートホストゾーン { $zone } の VPC との関連付けを解除
edit-zone-record-add = { $zone } に{ $kind ->
    [alias] エイリアスレコード
   *[other] {" "}{ $kind } レコード
} { $name } → { $value } を作成
edit-zone-record-remove = { $zone } からレコード { $name } を削除
edit-bucket-policy = { $delete ->
    [yes] バケット { $bucket } のバケットポリシーを削除
   *[no] バケット { $bucket } のバケットポリシーを設定 (ステートメント { $count } 件)
}
edit-source-dest-check = { $state ->
    [on] { $interface } の送信元/送信先チェックを有効化
    [off] { $interface } の送信元/送信先チェックを無効化
   *[unset] { $interface } の送信元/送信先チェックを未指定に戻す
}
