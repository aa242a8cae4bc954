### `validate` と `check` がシナリオについて言うこと: 評価器の答えと合わない `expect` の項目と
### レッスンのステップ。フィールド名、コード、ID はそのまま表示します。

check-valid = { $path }: 問題ありません (警告 { $count } 件)
check-no-az = エラー: アベイラビリティーゾーン { $az } はありません。AZ: { $known }
check-no-path = エラー: --from と --to を 1 つずつ、または --matrix を指定してください (--matrix では --from と --to を複数指定して絞り込めます)。
check-spof-ipv4-only = エラー: --spof は IPv4 のマトリクスだけが対象です。--family を付けないか、--family ipv4 を指定してください。
check-matrix-no-from = エラー: --from { $name } に当たるインスタンスもサブネットもありません。インスタンス: { $known }
check-matrix-no-to = エラー: --to { $name } はマトリクスの列にありません。列: { $known }
# そのほかのエラー。
cli-error = エラー: { $what }
check-public-ip-needs-subnet = エラー: --public-ip は仮のインスタンスを表すため、--from にはサブネットを指定します。{ $from } はサブネット ID ではありません。
check-bad-request = エラー: { $flag } { $value } は{ $kind ->
    [action] IAM アクション (service:Action の形。例: s3:GetObject)
   *[other] リソース ARN (arn:partition:service:region:account:resource の形。例: arn:aws:s3:::my-bucket/key)
}ではありません。

## 問題 1 件: どこで、何が

problem-line = { $at }: { $what }
problem-at-expect = expect の { $entry } 件目 ({ $from } → { $to })
problem-at-step = レッスンのステップ { $step } ({ $title })
problem-at-step-path = レッスンのステップ { $step } ({ $title }): { $from } → { $to }
problem-at-lesson = レッスン
problem-question-without-answer = 問題には期待する判定 (expect) が必要です。
problem-fix-question-without-fix = 「どう直しますか」の問いには、到達できない経路と、それを到達可能にする修正案が必要です。
problem-source-not-aws = source には AWS のドキュメントの URL を指定してください。
problem-unknown-route-table = route_table の { $table } は、このステップの時点のモデルにあるルートテーブルではありません。
mismatch-field = { $field } が { $got } です (期待: { $want })
mismatch-none = なし
mismatch-note = 注記 { $note } がありません
mismatch-sep = 、

## 印刷用のレッスン資料

handout-step = ステップ { $step }: { $title }
handout-changes = 変更:
handout-path = 経路: { $from } → { $to }{ $request_any ->
    [yes] {""}
   *[no] {" "}· { $request }
}
handout-question = 問題: { $question }
handout-fix-question = 修正の問い: { $question }
handout-fix = {"  "}{ $n }. { $edit } (月額コストの変化 { $cost } { $currency })
handout-answer = 答え: { $answer }
handout-source = 出典: { $source }

## 標準出力が端末でないとき (`vpc-tui SCENARIO > file`) に表示する概要。

overview-untitled = (タイトルなし)
overview-counts = { $vpc } ({ $region }): AZ { $azs } 個、サブネット { $subnets } 個、ルートテーブル { $tables } 個、ゲートウェイエンドポイント { $gateway } 個 / インターフェイスエンドポイント { $interface } 個、インスタンス { $instances } 台
overview-explain-one = 1 つの経路を詳しく見る: { $command }
