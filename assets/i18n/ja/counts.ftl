## 数を含む TUI の文 (英語では単数と複数で形が変わるため ui.ftl と分けています)。

# コストパネルの 1 行目: 見積もりに含まれるフローの数と、1 フローあたりの既定トラフィック。
ui-cost-traffic = トラフィック: { $flows } フロー、既定は 1 フローあたり月 { $gb } GB (e で編集)
# マトリクスパネルの見出し。
ui-matrix-size = マトリクス: インスタンス { $instances } 台 × { $columns } 列
# VPC にない AZ の数字キーが押されたとき。
ui-no-such-az = この VPC の AZ は { $azs } 個です。AZ { $key } はありません。
# 保存するとコメントが失われるファイルに上書きする前の確認。
ui-save-would-drop-comments = { $file } を保存すると、コメントが { $comments } 個失われます。最初のもの: { $first }
ui-save-rewrites-without-comments = { $file } は部分的に書き換えられません。保存するとファイル全体を書き直し、コメント { $comments } 個が失われます
# 編集で削除したものに付いていたコメントを保存で外したとき。
ui-comments-dropped = { $file } のコメント { $comments } 個を、編集で削除したものと一緒に捨てました。
ui-comments-not-carried-over = { $file } のコメント { $comments } 個は、編集で削除したものに付いていたため引き継いでいません。
# 入力欄に収まらない長さを貼り付けたとき。
ui-paste-cut = 貼り付けたテキストを { $max } 文字で切り詰めました ({ $left } 文字は入っていません)。
# レッスンのステップが学習者の編集をステップのモデルで置き換えたとき。
ui-lesson-edits-replaced = (あなたの編集 { $edits } 件はステップのモデルに置き換えられました)
# 読み込んだときの状態に戻したあとのステータス行。
ui-reset-to-loaded = 読み込んだときの状態に戻しました ({ $edits } 件の編集を取り消し。Ctrl-r でやり直せます)
# 直前の編集で結果が変わったマトリクスのセルの一覧 (c) の見出し。
ui-flipped-cells-title = 「{ $edit }」で結果が変わったセル: { $cells } 個 (Esc で閉じる)
# 同じ見出しで、画面の幅が足りないとき (閉じ方はフッターに出ています)。
ui-flipped-cells-title-short = 「{ $edit }」で結果が変わったセル: { $cells } 個
# 検証で警告が出たシナリオを開いたときのステータス行。
ui-validation-warnings = 検証で { $warnings } 件の警告: { $first }
