<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Desktop</name>
    <message>
        <source>UnionDesk cannot start</source>
        <translation>工会桌面通无法启动</translation>
    </message>
    <message>
        <source>工会桌面通 UnionDesk: the trade union&apos;s organisations and members.</source>
        <translation>工会桌面通 UnionDesk：管理工会组织和会员。</translation>
    </message>
    <message>
        <source>Open the data file FILE (it must exist) instead of your own (%1).</source>
        <translation>打开数据文件 FILE（该文件必须已存在），而不是您自己的数据文件（%1）。</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>The data file cannot be opened.

%1</source>
        <translation>无法打开数据文件。

%1</translation>
    </message>
    <message>
        <source>My trade union</source>
        <translation>我的工会</translation>
    </message>
    <message>
        <source>The data file cannot be set up.

%1</source>
        <translation>无法初始化数据文件。

%1</translation>
    </message>
    <message>
        <source>This data file has joined its organisation on the server, which now holds it too. Its records are being sent; members the server already has elsewhere come back as sync conflicts for you to look at.</source>
        <translation>本数据文件已并入服务器上您的工会组织，今后服务器上也保存这些数据。正在发送本数据文件中的记录；如有会员在服务器上已属于其他工会组织，将作为同步冲突列出，请您查看处理。</translation>
    </message>
</context>
<context>
    <name>ud::CadreDialog</name>
    <message>
        <source>The member&apos;s ID number</source>
        <translation>会员的证件号码</translation>
    </message>
    <message>
        <source>Member&apos;s &amp;ID number:</source>
        <translation>会员证件号码(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Position:</source>
        <translation>职务(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Full-time post</source>
        <translation>专职(&amp;F)</translation>
    </message>
    <message>
        <source>Term &amp;starts:</source>
        <translation>任期开始(&amp;S)：</translation>
    </message>
    <message>
        <source>Term &amp;ends:</source>
        <translation>任期届满(&amp;E)：</translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation>（未记录）</translation>
    </message>
    <message>
        <source>&amp;How elected:</source>
        <translation>产生方式(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Add cadre</source>
        <translation>添加工会干部(&amp;A)</translation>
    </message>
    <message>
        <source>Add a cadre to %1</source>
        <translation>为 %1 添加工会干部</translation>
    </message>
    <message>
        <source>Add a cadre</source>
        <translation>添加工会干部</translation>
    </message>
    <message>
        <source>The organisation no longer exists or is outside your organisation.</source>
        <translation>该工会组织已不存在，或不在您所管理的范围内。</translation>
    </message>
    <message>
        <source>%1 is dissolved; it has no committee.</source>
        <translation>%1 已注销，没有委员会。</translation>
    </message>
    <message>
        <source>Type the ID number of a member of this union or of a union under it.</source>
        <translation>请输入本工会或其下级工会会员的证件号码。</translation>
    </message>
    <message>
        <source>%1, %2, %3</source>
        <translation>%1，%2，%3</translation>
    </message>
    <message>
        <source>Keep typing: an ID number has 18 characters.</source>
        <translation>请继续输入：身份证号码为 18 位。</translation>
    </message>
    <message>
        <source>No member in your organisation has this ID number.</source>
        <translation>您所管理的范围内没有该证件号码的会员。</translation>
    </message>
    <message>
        <source>%1 is the chair until %2. End that term before adding another chair.</source>
        <translation>%1 现任主席，任期届满：%2。请先结束该任期，再添加新的主席。</translation>
    </message>
    <message>
        <source>The cadre is not a &amp;member of the union</source>
        <translation>该工会干部不是工会会员(&amp;M)</translation>
    </message>
    <message>
        <source>%1 is the chair, with no end date set. End that term before adding another chair.</source>
        <translation>%1 是现任主席，任期未设结束日期。请先结束该任期，再添加新的主席。</translation>
    </message>
</context>
<context>
    <name>ud::CadreRepository</name>
    <message>
        <source>Position: &quot;%1&quot; is not one of %2.</source>
        <translation>职务：“%1”不是以下值之一：%2。</translation>
    </message>
    <message>
        <source>How elected: &quot;%1&quot; is not one of %2.</source>
        <translation>产生方式：“%1”不是以下值之一：%2。</translation>
    </message>
    <message>
        <source>Term start: &quot;%1&quot; is not a date (YYYY-MM-DD).</source>
        <translation>任期开始：“%1”不是日期（YYYY-MM-DD）。</translation>
    </message>
    <message>
        <source>Term end: &quot;%1&quot; is not a date (YYYY-MM-DD).</source>
        <translation>任期届满：“%1”不是日期（YYYY-MM-DD）。</translation>
    </message>
    <message>
        <source>Term end: %1 comes before the term start %2.</source>
        <translation>任期届满：%1 早于任期开始日期 %2。</translation>
    </message>
    <message>
        <source>Organisation: it does not exist or is outside your organisation.</source>
        <translation>工会组织：该组织不存在，或不在您所管理的范围内。</translation>
    </message>
    <message>
        <source>Organisation: %1 is dissolved.</source>
        <translation>工会组织：%1 已注销。</translation>
    </message>
    <message>
        <source>Member: it does not exist or is outside your organisation.</source>
        <translation>会员：该会员不存在，或不在您所管理的范围内。</translation>
    </message>
    <message>
        <source>Member: %1 is not an active member (%2).</source>
        <translation>会员：%1 不是在会会员（%2）。</translation>
    </message>
    <message>
        <source>Member: %1 is not a member of %2 or of a union under it.</source>
        <translation>会员：%1 不是 %2 或其下级工会的会员。</translation>
    </message>
    <message>
        <source>Position: %1 already holds it in %2.</source>
        <translation>职务：%1 已在 %2 担任该职务。</translation>
    </message>
    <message>
        <source>Name: it must not be empty.</source>
        <translation>姓名：不能为空。</translation>
    </message>
    <message>
        <source>Cadre: it does not exist or is outside your organisation.</source>
        <translation>工会干部：该记录不存在，或不在您所管理的范围内。</translation>
    </message>
    <message>
        <source>Cadre: the term of %1 has already ended (%2).</source>
        <translation>工会干部：%1 的任期已于 %2 结束。</translation>
    </message>
    <message>
        <source>End date: %1 comes before the term start %2.</source>
        <translation>离任日期：%1 早于任期开始日期 %2。</translation>
    </message>
    <message>
        <source>%1&apos;s member record has been deleted.</source>
        <translation>%1 的会员记录已被删除。</translation>
    </message>
    <message>
        <source>%1 is now a member of %2, outside %3.</source>
        <translation>%1 现为 %2 的会员，已不在 %3 范围内。</translation>
    </message>
    <message>
        <source>%1 is no longer an active member (%2).</source>
        <translation>%1 已不是在会会员（%2）。</translation>
    </message>
    <message>
        <source>open-ended</source>
        <translation>未定</translation>
    </message>
    <message>
        <source>Position: %1 already has a chair, %2 (term %3 to %4); one union has one chair at a time. End that term first.</source>
        <translation>职务：%1 已有主席 %2（任期 %3 至 %4），同一工会同一时间只能有一名主席。请先结束该任期。</translation>
    </message>
</context>
<context>
    <name>ud::CellNormaliser</name>
    <message>
        <source>%1: &quot;%2&quot; was stored as a number, so the spreadsheet has already lost some of its digits. Format the column as text and type the number again.</source>
        <translation>%1：“%2”是以数字形式保存的，表格已丢失部分数位。请把该列设置为文本格式后重新输入号码。</translation>
    </message>
    <message>
        <source>%1: %2 Write it as 2020-01-05 or 2020年1月5日.</source>
        <translation>%1：%2请写成 2020-01-05 或 2020年1月5日。</translation>
    </message>
    <message>
        <source>%1: the old 15-digit number %2 is stored as the 18-digit %3 (the century and the check character added); please check it against the ID card.</source>
        <translation>%1：15 位旧号码 %2 已按规则补全为 18 位 %3（补上年份前两位“19”和最后一位校验码），请与身份证核对。</translation>
    </message>
    <message>
        <source>%1: the cell shows %2, the error of a formula, not a value. In Excel or WPS, copy the column and paste it back as values, or type the value in.</source>
        <translation>%1：单元格显示的是 %2，这是公式出错的结果，不是实际内容。请在 Excel 或 WPS 中复制该列并“选择性粘贴为数值”，或直接输入内容。</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is masked, as in an export without full ID numbers. Export the roster again with the ID numbers shown, or type the full number.</source>
        <translation>%1：“%2”是打码后的号码（导出时未显示完整证件号码）。请重新导出显示完整证件号码的花名册（在导出窗口勾选显示完整号码，命令行加 --unmasked），或填写完整号码。</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is neither 是 nor 否.</source>
        <translation>%1：“%2”既不是“是”也不是“否”。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; (%3 in full) was stored as a number, so the spreadsheet has already lost some of its digits. Format the column as text and type the number again.</source>
        <translation>%1：“%2”是以数字形式保存的，表格中实际只保存了 %3，末尾几位已丢失。请把该列设置为文本格式后重新输入号码。</translation>
    </message>
    <message>
        <source>%1 (the import&apos;s status column)</source>
        <translation>%1（导入时“状态”列所填）</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; says how the member works, not their membership: imported as %3, with &quot;%2&quot; kept in the notes.</source>
        <translation>%1：“%2”是工作状态，不是会籍状态；会籍按“%3”导入，“%2”已记入备注。</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; means the member has left this union or employer, so they are not imported. Import them in the union they moved to; if they wait to be received there, write %3.</source>
        <translation>%1：“%2”表示该会员已离开本工会或本单位，因此不导入。请在其转入的工会导入；如仍在等待接收，请填写“%3”。</translation>
    </message>
    <message>
        <source>Other numbers: %1</source>
        <translation>其他号码：%1</translation>
    </message>
    <message>
        <source>Mobile: the cell holds %1 numbers (%2); the mobile %3 is imported and the others are kept in the notes.</source>
        <translation>手机号码：该单元格有 %1 个号码（%2）；导入手机号码 %3，其余号码记入备注。</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not one of China&apos;s 56 ethnic groups (汉族, 回族, 维吾尔族 …); the field is left empty. Correct it in the file, or in the member&apos;s form later.</source>
        <translation>%1：“%2”不是我国 56 个民族之一（汉族、回族、维吾尔族……）。该会员照常导入，此项留空，可在会员信息中补填。</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot;: this person is not a union member, so they are not imported.</source>
        <translation>%1为“%2”，此人不是工会会员。</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; means the person has left the employer, so they are not imported as a member.</source>
        <translation>%1：“%2”表示此人已离开该单位，未作为会员导入。</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; says neither 是 nor 否; the person is imported as a member. If they are not one, delete the member afterwards (or write 否 and import again).</source>
        <translation>%1：“%2”既不是“是”也不是“否”；此人按会员导入。如其不是会员，请在导入后删除（或改为“否”后重新导入）。</translation>
    </message>
    <message>
        <source>Mobile: the cell holds more than the mobile (%1); the mobile %2 is imported and the rest is kept in the notes.</source>
        <translation>手机号码：该单元格除手机号码外还有其他内容（%1）；导入手机号码 %2，其余内容记入备注。</translation>
    </message>
    <message>
        <source>Mobile: %1 is a landline, not a mobile; it is kept in the notes.</source>
        <translation>手机号码：%1 是固定电话，不是手机号码；已记入备注。</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is read as the national code of %3.</source>
        <translation>%1：“%2”按国家标准民族代码读作“%3”。</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is imported as %3; if the member belongs to one of the 56 groups, correct it in the member&apos;s form.</source>
        <translation>%1：“%2”按“%3”导入；如该会员属于 56 个民族之一，请在会员信息中改正。</translation>
    </message>
    <message>
        <source>Mobile: %1 is marked as no longer in use; it is kept in the notes, and the member has no mobile.</source>
        <translation>手机号码：“%1”已注明停用，已记入备注，手机号码留空。</translation>
    </message>
    <message>
        <source>The cell is a number cell: format the column as text before typing 18-digit numbers into it.</source>
        <translation>该单元格是数字格式：在这一列填写 18 位号码之前，请先把该列设置为文本格式。</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <extracomment>Two sentences one after the other: %1 the number&apos;s conversion, %2 advice on the column</extracomment>
        <translation>%1%2</translation>
    </message>
    <message>
        <source>Mobile: &quot;%1&quot; is masked, as in an export without full numbers; it is not imported.</source>
        <translation>手机号码：“%1”是打码后的号码（如未显示完整号码的导出），未导入。</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is what Excel shows when a column is too narrow for its numbers; the file holds no number here. The member is imported without it; widen the column in Excel and save the file again to import the numbers.</source>
        <translation>%1：“%2”是列宽不够时 Excel 显示的符号，文件中没有保存号码。该会员照常导入，此项留空；请在 Excel 中加宽该列、重新保存后再导入号码。</translation>
    </message>
</context>
<context>
    <name>ud::ClerkDate</name>
    <message>
        <source>&quot;%1&quot; is not a date.</source>
        <translation>“%1”不是日期。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a day of the calendar.</source>
        <translation>“%1”不是日历上存在的日期。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a year and month kept as a number: January typed as %2.1, or October typed as %2.10, which the spreadsheet shortened. Format the column as text and type it again (%2.01 or %2.10).</source>
        <translation>“%1”是以数字形式保存的年月：可能是输入的 %2.1（1 月），也可能是输入 %2.10（10 月）后被表格去掉了末尾的 0。请把该列设置为文本格式后重新输入（如 %2.01 或 %2.10）。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a time of day, not a date.</source>
        <translation>“%1”是一天中的时间，不是日期。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is what Excel shows when a column is too narrow for its dates; the file holds no date here. Widen the column in Excel and save the file again.</source>
        <translation>“%1”是 Excel 在列宽不够显示日期时写出的内容，文件中此处没有日期。请在 Excel 中加宽该列后重新保存文件。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date. If it means a year and a month, write the year in four digits (%2-%3).</source>
        <translation>“%1”不是日期。如指年月，请把年份写成四位数（%2-%3）。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; could be %2 or %3 (month/day/year or day/month/year). Write it with the year first, as %2.</source>
        <translation>“%1”既可能是 %2，也可能是 %3（月/日/年 或 日/月/年），无法判断。请按年-月-日的顺序填写，如 %2。</translation>
    </message>
</context>
<context>
    <name>ud::Codes</name>
    <message>
        <source>Active</source>
        <translation>在会</translation>
    </message>
    <message>
        <source>In operation</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Retained</source>
        <translation>保留会籍</translation>
    </message>
    <message>
        <source>Hung</source>
        <translation>上挂</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>退会</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>停止会籍</translation>
    </message>
    <message>
        <source>Expelled</source>
        <translation>开除会籍</translation>
    </message>
    <message>
        <source>Deceased</source>
        <translation>死亡</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Employee</source>
        <translation>单位就业</translation>
    </message>
    <message>
        <source>Courier</source>
        <translation>快递员</translation>
    </message>
    <message>
        <source>Food-delivery rider</source>
        <translation>外卖送餐员</translation>
    </message>
    <message>
        <source>Ride-hailing driver</source>
        <translation>网约车司机</translation>
    </message>
    <message>
        <source>Truck driver</source>
        <translation>货车司机</translation>
    </message>
    <message>
        <source>Sanitation worker</source>
        <translation>环卫工人</translation>
    </message>
    <message>
        <source>Construction worker</source>
        <translation>建筑工人</translation>
    </message>
    <message>
        <source>Flexible employment</source>
        <translation>灵活就业</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Doctorate</source>
        <translation>博士研究生</translation>
    </message>
    <message>
        <source>Master&apos;s degree</source>
        <translation>硕士研究生</translation>
    </message>
    <message>
        <source>Bachelor&apos;s degree</source>
        <translation>大学本科</translation>
    </message>
    <message>
        <source>Junior college</source>
        <translation>大学专科</translation>
    </message>
    <message>
        <source>Secondary vocational</source>
        <translation>中专/中技</translation>
    </message>
    <message>
        <source>High school</source>
        <translation>高中</translation>
    </message>
    <message>
        <source>Junior high school</source>
        <translation>初中</translation>
    </message>
    <message>
        <source>Primary school or below</source>
        <translation>小学及以下</translation>
    </message>
    <message>
        <source>CPC member</source>
        <translation>中共党员</translation>
    </message>
    <message>
        <source>CPC probationary member</source>
        <translation>中共预备党员</translation>
    </message>
    <message>
        <source>Communist Youth League member</source>
        <translation>共青团员</translation>
    </message>
    <message>
        <source>Democratic party member</source>
        <translation>民主党派成员</translation>
    </message>
    <message>
        <source>Non-partisan</source>
        <translation>无党派人士</translation>
    </message>
    <message>
        <source>Masses</source>
        <translation>群众</translation>
    </message>
    <message>
        <source>Urban</source>
        <translation>城镇</translation>
    </message>
    <message>
        <source>Rural (migrant worker)</source>
        <translation>农村（农民工）</translation>
    </message>
    <message>
        <source>Resident identity card</source>
        <translation>居民身份证</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>护照</translation>
    </message>
    <message>
        <source>Military officer card</source>
        <translation>军官证</translation>
    </message>
    <message>
        <source>Hong Kong, Macao and Taiwan residence permit</source>
        <translation>港澳台居民居住证</translation>
    </message>
    <message>
        <source>Foreigner permanent residence card</source>
        <translation>外国人永久居留身份证</translation>
    </message>
    <message>
        <source>Checked in person</source>
        <translation>现场核验</translation>
    </message>
    <message>
        <source>ID card reader</source>
        <translation>身份证读卡器</translation>
    </message>
    <message>
        <source>Online platform</source>
        <translation>线上平台</translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>入会</translation>
    </message>
    <message>
        <source>Details changed</source>
        <translation>信息修改</translation>
    </message>
    <message>
        <source>Status changed</source>
        <translation>会籍变更</translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation>转会</translation>
    </message>
    <message>
        <source>Record deleted</source>
        <translation>删除记录</translation>
    </message>
    <message>
        <source>Province federation</source>
        <translation>省总工会</translation>
    </message>
    <message>
        <source>City federation</source>
        <translation>市总工会</translation>
    </message>
    <message>
        <source>District/county federation</source>
        <translation>县（区）总工会</translation>
    </message>
    <message>
        <source>Township/street union</source>
        <translation>乡镇（街道）工会</translation>
    </message>
    <message>
        <source>Base union</source>
        <translation>基层工会</translation>
    </message>
    <message>
        <source>Enterprise union</source>
        <translation>企业工会</translation>
    </message>
    <message>
        <source>Public institution union</source>
        <translation>事业单位工会</translation>
    </message>
    <message>
        <source>Joint base union</source>
        <translation>联合基层工会</translation>
    </message>
    <message>
        <source>Industry federation</source>
        <translation>行业工会联合会</translation>
    </message>
    <message>
        <source>Regional federation</source>
        <translation>区域工会联合会</translation>
    </message>
    <message>
        <source>District/county federation of trade unions</source>
        <translation>县（区）总工会</translation>
    </message>
    <message>
        <source>City federation of trade unions</source>
        <translation>市总工会</translation>
    </message>
    <message>
        <source>Province federation of trade unions</source>
        <translation>省总工会</translation>
    </message>
    <message>
        <source>Dissolved</source>
        <translation>已注销</translation>
    </message>
    <message>
        <source>Set up</source>
        <translation>设立</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>Dissolve</source>
        <translation>注销</translation>
    </message>
    <message>
        <source>Awaiting decision</source>
        <translation>待审批</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>Withdrawn by the submitter</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>主席</translation>
    </message>
    <message>
        <source>Standing vice-chair</source>
        <translation>常务副主席</translation>
    </message>
    <message>
        <source>Vice-chair</source>
        <translation>副主席</translation>
    </message>
    <message>
        <source>Committee member</source>
        <translation>委员</translation>
    </message>
    <message>
        <source>Audit committee chair</source>
        <translation>经费审查委员会主任</translation>
    </message>
    <message>
        <source>Audit committee member</source>
        <translation>经费审查委员会委员</translation>
    </message>
    <message>
        <source>Women workers&apos; committee chair</source>
        <translation>女职工委员会主任</translation>
    </message>
    <message>
        <source>Full-time union worker</source>
        <translation>专职工会工作者</translation>
    </message>
    <message>
        <source>Elected</source>
        <translation>选举产生</translation>
    </message>
    <message>
        <source>By-election</source>
        <translation>补选</translation>
    </message>
    <message>
        <source>Appointed</source>
        <translation>委派</translation>
    </message>
    <message>
        <source>Out, hung above</source>
        <translation>转出（上挂）</translation>
    </message>
    <message>
        <source>Out to a named union</source>
        <translation>直接转出</translation>
    </message>
    <message>
        <source>Request to take in</source>
        <translation>申请转入</translation>
    </message>
    <message>
        <source>Awaiting approval</source>
        <translation>待审批</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Left the job</source>
        <translation>工作变动</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>退休</translation>
    </message>
    <message>
        <source>Unemployed</source>
        <translation>失业</translation>
    </message>
</context>
<context>
    <name>ud::ColumnMappingModel</name>
    <message>
        <source>Column %1 (no header)</source>
        <translation>%1 列（无表头）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 列：%2</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>未导入</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <source>Sample values</source>
        <translation>示例内容</translation>
    </message>
    <message>
        <source>Imports as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <source>%1 where column %2 is empty, else to the notes</source>
        <translation>%2 列为空时作%1，否则记入备注</translation>
    </message>
    <message>
        <source>%1 where column %2 is empty</source>
        <translation>%2 列为空时作%1</translation>
    </message>
    <message>
        <source>Added to %1 (column %2)</source>
        <translation>并入%1（%2 列）</translation>
    </message>
</context>
<context>
    <name>ud::CommitteeModel</name>
    <message>
        <source>Full-time</source>
        <translation>专职</translation>
    </message>
    <message>
        <source>Part-time</source>
        <translation>兼职</translation>
    </message>
    <message>
        <source>from %1</source>
        <extracomment>A cadre&apos;s term of office, from one date to another</extracomment>
        <translation>%1 起</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <source>Check: %1</source>
        <extracomment>Marks a cadre whose member record no longer fits the post; the reason follows</extracomment>
        <translation>请核查：%1</translation>
    </message>
    <message>
        <source>Term ended on %1</source>
        <translation>任期已于 %1 结束</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Full- or part-time</source>
        <translation>专职/兼职</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>任期</translation>
    </message>
    <message>
        <source>How elected</source>
        <translation>产生方式</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>提示</translation>
    </message>
</context>
<context>
    <name>ud::ConflictsDialog</name>
    <message>
        <source>Sync conflicts</source>
        <translation>同步冲突</translation>
    </message>
    <message>
        <source>These changes could not be sent as they were. For each, keep the value on this computer (it is sent again) or take the one on the server.</source>
        <translation>以下修改未能按原样同步到服务器。请逐条选择：保留本机的值（将重新发送），或采用服务器上的值。</translation>
    </message>
    <message>
        <source>No conflicts: everything this computer sent was accepted.</source>
        <translation>没有冲突：本机发送的修改已全部被服务器接受。</translation>
    </message>
    <message>
        <source>&amp;Keep mine</source>
        <translation>保留本机的值(&amp;K)</translation>
    </message>
    <message>
        <source>Send the value on this computer to the server again</source>
        <translation>将本机的值重新发送到服务器</translation>
    </message>
    <message>
        <source>&amp;Take theirs</source>
        <translation>采用服务器的值(&amp;T)</translation>
    </message>
    <message>
        <source>Use the server&apos;s value on this computer</source>
        <translation>在本机改用服务器上的值</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) will be sent again at the next sync.</source>
        <translation>
            <numerusform>下次同步时将重新发送 %n 项修改。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n server value(s) taken.</source>
        <translation>
            <numerusform>已采用服务器上的值 %n 项。</numerusform>
        </translation>
    </message>
    <message>
        <source>Request transfer &amp;in…</source>
        <translation>申请转入(&amp;I)…</translation>
    </message>
    <message>
        <source>The person is a member elsewhere: ask her union to transfer her here instead of adding her again</source>
        <translation>此人已是其他工会的会员：请其所在工会将会籍转入本会，而不是重复添加</translation>
    </message>
    <message>
        <source>Request a transfer instead</source>
        <translation>改为申请转入</translation>
    </message>
    <message>
        <source>%1 was not added: the server says this ID number belongs to a member of another union. Ask that union to transfer her here instead?

The entry typed on this computer is given up; the request is checked by the server at the next sync.</source>
        <translation>%1 未能添加：服务器显示此证件号码属于其他工会的会员。是否改为请该工会将其会籍转入本会？

本机录入的这条记录将被放弃；转入申请在下次同步时由服务器核对。</translation>
    </message>
</context>
<context>
    <name>ud::CreditCode</name>
    <message>
        <source>Unified social credit code: nothing was entered.</source>
        <translation>统一社会信用代码：未填写。</translation>
    </message>
    <message>
        <source>Unified social credit code: %1 is not allowed; the code uses digits and capital letters except I, O, S, V and Z.</source>
        <translation>统一社会信用代码：不允许出现 %1；代码由数字和除 I、O、S、V、Z 以外的大写字母组成。</translation>
    </message>
    <message>
        <source>Unified social credit code: it has %1 characters; it should have 18.</source>
        <translation>统一社会信用代码：共 %1 位，应为 18 位。</translation>
    </message>
    <message>
        <source>Unified social credit code: the first character %1 is not a registration authority (1–9, A, N or Y).</source>
        <translation>统一社会信用代码：第 1 位 %1 不是有效的登记管理部门代码（应为 1–9、A、N 或 Y）。</translation>
    </message>
    <message>
        <source>Unified social credit code: characters 3 to 8 (%1) should be a six-digit region code.</source>
        <translation>统一社会信用代码：第 3 至 8 位（%1）应为 6 位数字的行政区划码。</translation>
    </message>
    <message>
        <source>Unified social credit code: the check character should be %1 but is %2.</source>
        <translation>统一社会信用代码：校验码应为 %1，实际为 %2。</translation>
    </message>
</context>
<context>
    <name>ud::CsvReader</name>
    <message>
        <source>%1: the file cannot be opened (%2).</source>
        <translation>%1：无法打开文件（%2）。</translation>
    </message>
    <message>
        <source>%1: the file ends in the middle of a character: it was cut short (an interrupted copy or download), and its last rows may be missing. Copy or download it again.</source>
        <translation>%1：文件在一个字符的中间结束：它被截断了（复制或下载中途中断），最后几行可能缺失。请重新复制或下载。</translation>
    </message>
    <message>
        <source>%1: the file ends in zero bytes where text should be: it is damaged (a save, copy or download that never finished), and its last rows may be missing. Open it in Excel or WPS to check the rows, save it again and import that, or use another copy.</source>
        <translation>%1：文件末尾本应是文字的地方全是零字节，文件已损坏（保存、复制或下载没有完成），最后几行可能缺失。请用 Excel 或 WPS 打开检查各行，重新保存后再导入，或改用另一份副本。</translation>
    </message>
</context>
<context>
    <name>ud::Database</name>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>%1 is not a data file.</source>
        <translation>%1 不是数据文件。</translation>
    </message>
    <message>
        <source>Cannot open the data file %1: %2</source>
        <translation>无法打开数据文件 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not a UnionDesk data file, or it is damaged.</source>
        <translation>%1 不是工会桌面通的数据文件，或者文件已损坏。</translation>
    </message>
    <message>
        <source>Cannot prepare the data file %1: %2</source>
        <translation>无法准备数据文件 %1：%2</translation>
    </message>
    <message>
        <source>The data file %1 was written by a newer version of UnionDesk (schema %2; this version understands up to %3). Please update UnionDesk.</source>
        <translation>数据文件 %1 由更高版本的工会桌面通写入（数据结构版本 %2，本版本最高支持 %3）。请升级工会桌面通。</translation>
    </message>
    <message>
        <source>Cannot upgrade the data file %1: %2</source>
        <translation>无法升级数据文件 %1：%2</translation>
    </message>
    <message>
        <source>The data file is in use by another program that is writing to it; close that program (or wait for it to finish) and try again.</source>
        <translation>数据文件正被另一个程序写入；请关闭该程序（或等它完成）后再试。</translation>
    </message>
    <message>
        <source>The data file %1 is in a folder that cannot be written to (read-only), and UnionDesk keeps working files beside it. The file itself is not damaged: copy it to a folder you may write to (such as Documents) and open that copy.</source>
        <translation>数据文件 %1 所在的文件夹不能写入（只读），而工会桌面通需要在数据文件旁边保存工作文件。数据文件本身没有损坏：请把它复制到可以写入的文件夹（例如“文档”），再打开这份副本。</translation>
    </message>
    <message>
        <source>The data file cannot be written: the file, or the folder it is in, is read-only. Copy the data file to a folder you may write to (such as Documents), or clear its read-only attribute, then try again.</source>
        <translation>数据文件不能写入：该文件或它所在的文件夹是只读的。请把数据文件复制到可以写入的文件夹（例如“文档”），或取消文件的“只读”属性，然后重试。</translation>
    </message>
    <message>
        <source>The disk that holds the data file is full. Free some space on it, then try again.</source>
        <translation>数据文件所在的磁盘已满。请清理出一些空间后重试。</translation>
    </message>
    <message>
        <source>The data file could not be read or written (a disk or network error). Check that the drive is still there and works, then try again.</source>
        <translation>无法读取或写入数据文件（磁盘或网络出错）。请检查该磁盘是否仍连接且工作正常，然后重试。</translation>
    </message>
    <message>
        <source>The data file is damaged. Open a backup copy of it, or ask whoever looks after UnionDesk for help.</source>
        <translation>数据文件已损坏。请打开它的备份副本，或联系负责维护工会桌面通的人员。</translation>
    </message>
    <message>
        <source>The data file %1 does not exist. Check the path, or create a data file first (uniondesk-cli --db FILE init, or open the desktop program).</source>
        <translation>数据文件 %1 不存在。请检查路径，或先创建数据文件（运行 uniondesk-cli --db 文件 init，或打开桌面程序）。</translation>
    </message>
</context>
<context>
    <name>ud::DemoGenerator</name>
    <message>
        <source>Number of members: it must not be negative.</source>
        <translation>会员人数：不能为负数。</translation>
    </message>
    <message>
        <source>Cancelled; nothing was kept.</source>
        <translation>已取消，未保留任何数据。</translation>
    </message>
</context>
<context>
    <name>ud::DissolveCheck</name>
    <message>
        <source>%1 cannot be checked for dissolving: %2</source>
        <translation>无法检查 %1 能否注销：%2</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1（%2，%3）</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>%1 and %2 more</source>
        <translation>%1 等，另有 %2 人</translation>
    </message>
    <message>
        <source>%1 cannot be dissolved: %2 members still belong to it or to the unions under it; transfer them, hang them or change their status first: %3</source>
        <translation>%1 不能注销：该组织及其下级工会仍有 %2 名会员，请先为其办理转会、上挂或变更会籍状态：%3</translation>
    </message>
    <message>
        <source>%1 cannot be dissolved: the unions under it are still in operation; dissolve them first: %2</source>
        <translation>%1 不能注销：其下级工会仍在正常运行，请先注销下级工会：%2</translation>
    </message>
</context>
<context>
    <name>ud::DissolveRequestDialog</name>
    <message>
        <source>Still to resolve</source>
        <translation>待处理事项</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Union</source>
        <translation>所在工会</translation>
    </message>
    <message>
        <source>For example: the company has closed</source>
        <translation>如：企业已关闭</translation>
    </message>
    <message>
        <source>&amp;Reason for dissolving:</source>
        <translation>注销原因(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Submit dissolve request</source>
        <translation>提交注销申请(&amp;S)</translation>
    </message>
    <message>
        <source>Request to dissolve a union</source>
        <translation>申请注销工会</translation>
    </message>
    <message>
        <source>The organisation no longer exists or is outside your organisation.</source>
        <translation>该工会组织已不存在，或不在您所管理的范围内。</translation>
    </message>
    <message>
        <source>Request to dissolve %1</source>
        <translation>申请注销 %1</translation>
    </message>
    <message>
        <source>No members remain in %1 or in unions under it, and no union under it is still in operation. A level above can approve the request at once.</source>
        <translation>%1 及其下级工会已无会员，也没有仍在正常运行的下级工会。上级工会可立即批准该申请。</translation>
    </message>
    <message>
        <source>members still on the roll of it or of the unions under it: %1</source>
        <translation>该组织及其下级工会仍有会员 %1 名</translation>
    </message>
    <message>
        <source>unions under it still in operation: %1</source>
        <translation>仍在正常运行的下级工会 %1 个</translation>
    </message>
    <message>
        <source>%1 cannot be dissolved yet (%2). Transfer the members, hang them or change their status, and dissolve the unions under it first. You may submit the request now; it can be approved only when this list is empty.</source>
        <extracomment>%1 is a union, %2 says what remains (&quot;members still on the roll …: 12&quot;)</extracomment>
        <translation>%1 暂不能注销（%2）。请先为这些会员办理转会、上挂或变更会籍状态，并注销下级工会。现在也可以提交申请，但须待下方清单清空后才能获批。</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Union in operation: %1</source>
        <translation>正常运行的工会：%1</translation>
    </message>
    <message>
        <source>… and %1 more members</source>
        <translation>……另有 %1 名会员</translation>
    </message>
</context>
<context>
    <name>ud::EncryptedOdsReader</name>
    <message>
        <source>%1 is damaged: it is a spreadsheet saved with a password, and parts of it cannot be read (as after an interrupted copy or download). Copy or download it again.</source>
        <translation>%1 已损坏：这是一个设有密码的电子表格，其中部分内容无法读取（常见于复制或下载中途中断）。请重新复制或下载。</translation>
    </message>
    <message>
        <source>%1 is saved with a password in a way that cannot be read here (an older OpenOffice&apos;s, or a newer LibreOffice&apos;s). Open it in LibreOffice or WPS, remove the password (File &gt; Properties &gt; Security) and save it as .xlsx; then import that file.</source>
        <translation>%1 设有密码，但其加密方式（旧版 OpenOffice 或新版 LibreOffice 的方式）无法在此读取。请用 LibreOffice 或 WPS 打开，取消密码（文件 &gt; 属性 &gt; 安全）并另存为 .xlsx，然后导入该文件。</translation>
    </message>
</context>
<context>
    <name>ud::EncryptedXlsxReader</name>
    <message>
        <source>%1 is damaged: it is an encrypted workbook whose parts do not fit together (as after an interrupted copy or download). Copy or download it again.</source>
        <translation>%1 已损坏：这是一个加密的工作簿，但其各部分对不上（常见于复制或下载中途中断）。请重新复制或下载。</translation>
    </message>
    <message>
        <source>%1 is protected with rights management (IRM): only Office signed in to the account it was shared with can open it, and no password does. Ask the sender for a copy without that protection, saved as .xlsx.</source>
        <translation>%1 受权限管理（IRM）保护：只有登录了被共享账号的 Office 才能打开，任何密码都打不开。请发件人另存一份不带这种保护的 .xlsx 文件发给您。</translation>
    </message>
    <message>
        <source>%1 is damaged: it is an encrypted workbook, but parts of it are missing (as after an interrupted copy or download). Copy or download it again.</source>
        <translation>%1 已损坏：这是一个加密的工作簿，但缺少部分内容（常见于复制或下载中途中断）。请重新复制或下载。</translation>
    </message>
    <message>
        <source>%1 is encrypted in a way that cannot be read here. Open it in Excel or WPS, remove the password (in Excel: File &gt; Info &gt; Protect Workbook &gt; Encrypt with Password, and clear it) and save it; then import it again.</source>
        <translation>%1 的加密方式无法在此读取。请用 Excel 或 WPS 打开，取消密码（Excel 中：文件 &gt; 信息 &gt; 保护工作簿 &gt; 用密码进行加密，清空密码）并保存，然后重新导入。</translation>
    </message>
</context>
<context>
    <name>ud::ExpiringTermsDialog</name>
    <message>
        <source>Terms ending soon</source>
        <translation>换届提醒</translation>
    </message>
    <message>
        <source>Terms ending &amp;within</source>
        <translation>任期届满时间在(&amp;W)</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天内</translation>
    </message>
    <message>
        <source>Also terms that have &amp;run out</source>
        <translation>包括已到期未换届的(&amp;R)</translation>
    </message>
    <message>
        <source>Terms whose end date has passed without the term being ended: the election is overdue</source>
        <translation>任期已届满但尚未结束的：换届选举已逾期</translation>
    </message>
    <message>
        <source>Double-click a row to open its union</source>
        <translation>双击某行可打开该工会</translation>
    </message>
    <message>
        <source>No term of office ends in this period.</source>
        <translation>此期间内没有任期届满的工会干部。</translation>
    </message>
    <message>
        <source>Terms of office to prepare an election for: %1</source>
        <translation>需要准备换届选举的任期：%1 个</translation>
    </message>
</context>
<context>
    <name>ud::ExpiringTermsModel</name>
    <message>
        <source>Ended %1 days ago</source>
        <translation>已到期 %1 天</translation>
    </message>
    <message>
        <source>Ends today</source>
        <translation>今天到期</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>Union</source>
        <translation>工会</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Term ends</source>
        <translation>任期届满</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
</context>
<context>
    <name>ud::ExportDialog</name>
    <message>
        <source>Export roster</source>
        <translation>导出花名册</translation>
    </message>
    <message>
        <source>Members to export</source>
        <translation>导出范围</translation>
    </message>
    <message>
        <source>Your organisation</source>
        <translation>本工会</translation>
    </message>
    <message>
        <source>%1, with the organisations under it</source>
        <translation>%1（含下级工会）</translation>
    </message>
    <message>
        <source>None: every member of the organisation</source>
        <translation>无，导出该工会组织的全部会员</translation>
    </message>
    <message>
        <source>%1, in the order of the roster</source>
        <translation>%1 名，按花名册中的顺序排列</translation>
    </message>
    <message>
        <source>None: the roster&apos;s filter leaves no members to export.</source>
        <translation>无：按花名册当前的筛选条件，没有可导出的会员。</translation>
    </message>
    <message>
        <source>Organisation:</source>
        <translation>工会组织：</translation>
    </message>
    <message>
        <source>Filter:</source>
        <translation>筛选条件：</translation>
    </message>
    <message>
        <source>Members:</source>
        <translation>会员人数：</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>导出的列</translation>
    </message>
    <message>
        <source>Select &amp;all</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Clear</source>
        <translation>全部取消(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV, UTF-8 for Excel (*.csv)</source>
        <translation>CSV 文件，UTF-8 编码，可用 Excel 打开 (*.csv)</translation>
    </message>
    <message>
        <source>%1 roster %2</source>
        <translation>%1会员花名册 %2</translation>
    </message>
    <message>
        <source>Choose at least one column.</source>
        <translation>请至少选择一列。</translation>
    </message>
    <message>
        <source>The file will hold full ID numbers and mobiles. The export is recorded in the audit log under your name (%1), with the file name and the number of members. Keep the file safe and delete it when it is no longer needed.</source>
        <translation>文件中将包含完整的证件号码和手机号码。本次导出将以您的姓名（%1）记入审计日志，同时记录文件名和会员人数。请妥善保管该文件，不再需要时及时删除。</translation>
    </message>
    <message>
        <source>%1: give the file the suffix .xlsx or .csv.</source>
        <translation>%1：文件扩展名须为 .xlsx 或 .csv。</translation>
    </message>
    <message>
        <source>Export cancelled. No file was written.</source>
        <translation>导出已取消，未写入任何文件。</translation>
    </message>
    <message>
        <source>The roster could not be exported.</source>
        <translation>无法导出花名册。</translation>
    </message>
    <message>
        <source>Exporting to %1 (members: %2)…</source>
        <translation>正在导出到 %1（会员 %2 名）…</translation>
    </message>
    <message>
        <source>Export cancelled; the file was removed.</source>
        <translation>导出已取消，文件已删除。</translation>
    </message>
    <message>
        <source>Show full ID numbers, &amp;mobiles and birth dates</source>
        <translation>导出完整的证件号码、手机号码和出生日期(&amp;M)</translation>
    </message>
    <message>
        <source>Unchecked, the file shows only the first and last digits of the numbers, and the year of each birth date.</source>
        <translation>不勾选时，文件中的号码只显示开头和末尾几位，出生日期只显示年份。</translation>
    </message>
</context>
<context>
    <name>ud::FieldComboDelegate</name>
    <message>
        <source>Not imported</source>
        <translation>未导入</translation>
    </message>
    <message>
        <source>%1 (required)</source>
        <translation>%1（必填）</translation>
    </message>
</context>
<context>
    <name>ud::FirstSyncDialog</name>
    <message>
        <source>Receiving your organisation</source>
        <translation>正在接收您的工会组织</translation>
    </message>
    <message>
        <source>This data file receives the organisation of %1 and everything under it from the server %2. A large organisation takes a minute or two.</source>
        <translation>本数据文件正在从服务器 %2 接收账号 %1 所属的工会组织及其下级的全部数据。组织规模较大时，需要一两分钟。</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>The server sent no organisation for this account.</source>
        <translation>服务器未发送该账号所属工会组织的数据。</translation>
    </message>
</context>
<context>
    <name>ud::FreeXlReader</name>
    <message>
        <source>%1: this .xls workbook cannot be read; it is damaged, or written in a way the reader does not know. Open it in Excel or WPS and save it as .xlsx.</source>
        <translation>%1：无法读取这个 .xls 工作簿：文件已损坏，或其写法无法识别。请用 Excel 或 WPS 打开后另存为 .xlsx 文件。</translation>
    </message>
    <message>
        <source>%1: this .xls workbook is damaged: a sheet stops before its end (as after an interrupted copy or download), so rows would be missing. Open it in Excel or WPS; if it opens, save it as .xlsx and import that, otherwise use another copy.</source>
        <translation>%1：这个 .xls 工作簿已损坏：有一个工作表没有到达结尾就中断了（常见于复制或下载中断），导入会缺少行。请用 Excel 或 WPS 打开；如能打开，另存为 .xlsx 后导入该文件，否则请改用另一份副本。</translation>
    </message>
    <message>
        <source>%1: reading this .xls workbook needs a temporary file, which could not be written in %2. Check the free disk space and that folder&apos;s permissions, then try again.</source>
        <translation>%1：读取此 .xls 工作簿需要一个临时文件，但无法在 %2 中写入。请检查磁盘空间和该文件夹的权限后重试。</translation>
    </message>
    <message>
        <source>%1 is protected with an old kind of password (Excel 95&apos;s) that cannot be read here. Open it in Excel or WPS, remove the password and save it as .xlsx; then import that file.</source>
        <translation>%1 设有旧式密码（Excel 95 的加密方式），无法在此读取。请用 Excel 或 WPS 打开，取消密码并另存为 .xlsx，然后导入该文件。</translation>
    </message>
</context>
<context>
    <name>ud::HeaderVocabulary</name>
    <message>
        <source>Parent organisation</source>
        <translation>上级工会</translation>
    </message>
</context>
<context>
    <name>ud::HistoryDialog</name>
    <message>
        <source>History – %1</source>
        <translation>历史记录 – %1</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>The member no longer exists or is outside your organisation.</source>
        <translation>该会员已不存在，或不在您所管理的工会组织范围内。</translation>
    </message>
</context>
<context>
    <name>ud::HtmlTableReader</name>
    <message>
        <source>Table %1</source>
        <translation>表格%1</translation>
    </message>
    <message>
        <source>%1: the file cannot be opened (%2).</source>
        <translation>%1：无法打开文件（%2）。</translation>
    </message>
    <message>
        <source>%1 is a web page without a table, not a roster. Open it in a browser or in Excel and save the roster as .xlsx.</source>
        <translation>%1 是一个不含表格的网页，不是花名册。请用浏览器或 Excel 打开，把花名册另存为 .xlsx 文件。</translation>
    </message>
</context>
<context>
    <name>ud::HungMembersPage</name>
    <message>
        <source>Hung for at &amp;least</source>
        <translation>上挂时间至少(&amp;L)</translation>
    </message>
    <message>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <source>Whole months since the member was hung; 0 lists every hung member</source>
        <translation>自上挂之日起的整月数；为 0 时列出全部上挂会员</translation>
    </message>
    <message>
        <source>&amp;Print list…</source>
        <translation>打印名单(&amp;P)…</translation>
    </message>
    <message>
        <source>E&amp;xport list…</source>
        <translation>导出名单(&amp;X)…</translation>
    </message>
    <message>
        <source>Save the list as an Excel workbook or a CSV file</source>
        <translation>将名单保存为 Excel 工作簿或 CSV 文件</translation>
    </message>
    <message>
        <source>your organisation</source>
        <translation>本工会</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) hung at %1 or below.</source>
        <translation>
            <numerusform>上挂在 %1 及其下级工会的会员共 %n 名。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) hung at %1 or below for %2 months or more.</source>
        <translation>
            <numerusform>上挂在 %1 及其下级工会满 %2 个月的会员共 %n 名。</numerusform>
        </translation>
    </message>
    <message>
        <source>Members hung at %1</source>
        <translation>%1 上挂会员名单</translation>
    </message>
    <message>
        <source>Members hung at %1 for %2 months or more</source>
        <translation>%1 上挂满 %2 个月的会员名单</translation>
    </message>
    <message numerus="yes">
        <source>As of %1; %n member(s).</source>
        <translation>
            <numerusform>截至 %1，共 %n 名会员。</numerusform>
        </translation>
    </message>
    <message>
        <source>Hung members</source>
        <translation>上挂会员</translation>
    </message>
    <message>
        <source>The list cannot be written to the audit log: %1</source>
        <translation>无法将本次导出的名单记入审计日志：%1</translation>
    </message>
    <message>
        <source>Export the list of hung members</source>
        <translation>导出上挂会员名单</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV file (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>The list was saved to %1.</source>
        <translation>名单已保存到 %1。</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
</context>
<context>
    <name>ud::IdNumber</name>
    <message>
        <source>ID number: nothing was entered.</source>
        <translation>身份证号码：未填写。</translation>
    </message>
    <message>
        <source>ID number: Excel stored it as a number (it shows %1) and kept only 15 significant digits, so the rest are lost. Retype the ID number as text.</source>
        <translation>身份证号码：Excel 将其存成了数字（显示为 %1），只保留了 15 位有效数字，其余数字已丢失。请以文本格式重新录入身份证号码。</translation>
    </message>
    <message>
        <source>ID number: the check character is wrong and the number ends in 000, which is what Excel leaves when it stores an ID number as a number (only 15 significant digits are kept). Retype the ID number as text.</source>
        <translation>身份证号码：校验码不正确，且号码以 000 结尾，这正是 Excel 把身份证号码存成数字后留下的结果（只保留 15 位有效数字）。请以文本格式重新录入身份证号码。</translation>
    </message>
    <message>
        <source>ID number: %1 is not allowed; only digits and a final X are.</source>
        <translation>身份证号码：不允许出现 %1，只能包含数字和末位的 X。</translation>
    </message>
    <message>
        <source>ID number: X may only be the last of 18 characters.</source>
        <translation>身份证号码：X 只能出现在 18 位号码的最后一位。</translation>
    </message>
    <message>
        <source>ID number: it has %1 characters; it should have 18 (or 15 for an old-style number).</source>
        <translation>身份证号码：共 %1 位，应为 18 位（旧版号码为 15 位）。</translation>
    </message>
    <message>
        <source>ID number: %1 (the first two digits) is not a province code.</source>
        <translation>身份证号码：前两位 %1 不是有效的省级行政区划代码。</translation>
    </message>
    <message>
        <source>ID number: the birth date %1 is not a real date.</source>
        <translation>身份证号码：出生日期 %1 不是有效日期。</translation>
    </message>
    <message>
        <source>ID number: the birth date %1 is in the future.</source>
        <translation>身份证号码：出生日期 %1 晚于今天。</translation>
    </message>
    <message>
        <source>ID number: the birth date %1 is before 1900.</source>
        <translation>身份证号码：出生日期 %1 早于 1900 年。</translation>
    </message>
    <message>
        <source>ID number: the check character should be %1 but is %2.</source>
        <translation>身份证号码：校验码应为 %1，实际为 %2。</translation>
    </message>
    <message>
        <source>ID number: it gives the birth date %1, but %2 was entered.</source>
        <translation>身份证号码：号码中的出生日期为 %1，但填写的出生日期为 %2。</translation>
    </message>
    <message>
        <source>ID number: %1 (the first two digits) is not a province code. A number beginning with 9 is a foreigner&apos;s permanent residence card: give its document type as 外国人永久居留身份证.</source>
        <translation>身份证号码：前两位 %1 不是有效的省级行政区划代码。以 9 开头的号码是外国人永久居留身份证：请把证件类别填为“外国人永久居留身份证”。</translation>
    </message>
    <message>
        <source>ID number: %1 is no region: a number of Hong Kong, Macao or Taiwan begins with 810000, 820000 or 830000.</source>
        <translation>证件号码：%1 不是有效的地区码，港澳台居民的号码以 810000、820000 或 830000 开头。</translation>
    </message>
    <message>
        <source>ID number: %1 is not allowed in a foreigner&apos;s permanent residence card number: it has 18 digits (the last may be X), or, on the 2004 card, three letters and twelve digits.</source>
        <translation>证件号码：外国人永久居留身份证号码应为 18 位数字（末位可为 X），或 2004 年版证件的 3 个字母加 12 位数字，不能有%1。</translation>
    </message>
    <message>
        <source>ID number: it has %1 characters; a foreigner&apos;s permanent residence card number has 18 (or, on the 2004 card, three letters and twelve digits).</source>
        <translation>身份证号码：共 %1 位；外国人永久居留身份证号码应为 18 位（2004 年版证件为 3 个字母加 12 位数字）。</translation>
    </message>
    <message>
        <source>ID number: a foreigner&apos;s permanent residence card number begins with 9 and the code of the province that issued it; %1 does not.</source>
        <translation>身份证号码：外国人永久居留身份证号码以 9 和签发地的省级行政区划代码开头，%1 不符合。</translation>
    </message>
    <message>
        <source>ID number: the 17th digit says male, but the gender entered is female; the gender is kept as entered, please check which is right.</source>
        <translation>身份证号码：第 17 位表明性别为男，但填写的性别为女；已按填写的性别保存，请核实。</translation>
    </message>
    <message>
        <source>ID number: the 17th digit says female, but the gender entered is male; the gender is kept as entered, please check which is right.</source>
        <translation>身份证号码：第 17 位表明性别为女，但填写的性别为男；已按填写的性别保存，请核实。</translation>
    </message>
</context>
<context>
    <name>ud::ImportBatchModel</name>
    <message>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>Imported by %1</source>
        <translation>导入人：%1</translation>
    </message>
    <message>
        <source>Undone by %1</source>
        <translation>撤销人：%1</translation>
    </message>
    <message>
        <source>Import time</source>
        <translation>导入时间</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>工会组织</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>会员人数</translation>
    </message>
    <message>
        <source>Rejected rows</source>
        <translation>未导入行数</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Undone on %1</source>
        <extracomment>%1 is a date and time</extracomment>
        <translation>已于 %1 撤销</translation>
    </message>
</context>
<context>
    <name>ud::ImportBatchRepository</name>
    <message>
        <source>%1 holds a union post; end the term before undoing the import.</source>
        <translation>%1 担任工会职务，请先结束其任期，再撤销导入。</translation>
    </message>
    <message>
        <source>Import: this import was already undone on %1.</source>
        <translation>这次导入已于 %1 撤销，无需再次撤销。</translation>
    </message>
    <message>
        <source>The undo was cancelled; nothing was changed.</source>
        <translation>已取消撤销，未作任何更改。</translation>
    </message>
    <message>
        <source>This import no longer exists or is outside your organisation.</source>
        <translation>该次导入已不存在，或不在您所管理的范围内。</translation>
    </message>
    <message>
        <source>%1 has a membership transfer under way (%2); complete or cancel it before undoing the import.</source>
        <translation>%1 有正在办理的会员转移（%2）；请先办结或撤销该转移，再撤销这次导入。</translation>
    </message>
</context>
<context>
    <name>ud::ImportFilePage</name>
    <message>
        <source>Choose the roster file</source>
        <translation>选择花名册文件</translation>
    </message>
    <message>
        <source>Excel and WPS workbooks (.xlsx, .xls), OpenDocument spreadsheets (.ods) and text files (.csv, .txt) can be read. Title rows above the header are fine.</source>
        <translation>可读取 Excel 和 WPS 工作簿（.xlsx、.xls）、OpenDocument 电子表格（.ods）以及文本文件（.csv、.txt）。表头上方有标题行也可以。</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>文件(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Import into:</source>
        <translation>导入到(&amp;I)：</translation>
    </message>
    <message>
        <source>Every member row of the file goes to this organisation. Nothing is written before you have seen the preview of every row.</source>
        <translation>文件中的所有会员都将导入该工会组织。在您看过每一行的预览之前，不会写入任何数据。</translation>
    </message>
    <message>
        <source>Import members</source>
        <translation>导入会员</translation>
    </message>
    <message>
        <source>There is no file %1.</source>
        <translation>文件 %1 不存在。</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>Reading the file was cancelled.</source>
        <translation>已取消读取文件。</translation>
    </message>
    <message>
        <source>Rosters (*.xlsx *.xlsm *.xls *.et *.ods *.csv *.txt *.xml);;All files (*)</source>
        <translation>花名册 (*.xlsx *.xlsm *.xls *.et *.ods *.csv *.txt *.xml);; 所有文件 (*)</translation>
    </message>
    <message>
        <source>Sho&amp;w</source>
        <translation>显示(&amp;W)</translation>
    </message>
    <message>
        <source>Show the password as typed, to check capital letters and half-width characters.</source>
        <translation>以明文显示所输入的密码，便于核对大小写和半角字符。</translation>
    </message>
    <message>
        <source>Open &amp;password:</source>
        <translation>打开密码(&amp;P)：</translation>
    </message>
</context>
<context>
    <name>ud::ImportHistoryDialog</name>
    <message>
        <source>Import history</source>
        <translation>导入记录</translation>
    </message>
    <message>
        <source>Every import is kept as a whole. Undoing one removes the members it added: members not yet synced simply disappear, those already on the server are deleted there at the next sync.</source>
        <translation>每次导入都作为一个整体保存。撤销某次导入会删除该次导入添加的会员：尚未同步的会员直接删除，已同步到服务器的会员将在下次同步时从服务器上删除。</translation>
    </message>
    <message>
        <source>No imports yet. Members imported with “Import members” are listed here.</source>
        <translation>暂无导入记录。通过“导入会员”导入的会员将在此列出。</translation>
    </message>
    <message>
        <source>&amp;Undo import…</source>
        <translation>撤销导入(&amp;U)…</translation>
    </message>
    <message>
        <source>This import was already undone.</source>
        <translation>该次导入已撤销。</translation>
    </message>
    <message>
        <source>Remove every member the selected import added; you see what that means before anything changes</source>
        <translation>删除所选导入添加的全部会员；执行前会先列出将受影响的内容</translation>
    </message>
</context>
<context>
    <name>ud::ImportMappingPage</name>
    <message>
        <source>Check the columns</source>
        <translation>核对各列</translation>
    </message>
    <message>
        <source>Check which member field each column of the file holds, and correct it where it is wrong. Columns set to “Not imported” are left out.</source>
        <translation>请核对文件中每一列对应的会员信息项，如有错误请更正。设为“未导入”的列不会导入。</translation>
    </message>
    <message>
        <source>&amp;Use the automatic mapping</source>
        <translation>使用自动识别结果(&amp;U)</translation>
    </message>
    <message>
        <source>Row %1 of the sheet “%2” is the header row; the rows below it are read as members.</source>
        <extracomment>%1 is a row number as in Excel, %2 the name of a sheet</extracomment>
        <translation>工作表“%2”的第 %1 行为表头行，其下各行按会员信息读取。</translation>
    </message>
    <message>
        <source>Choose the column that holds: %1. Without it no member can be imported.</source>
        <extracomment>%1 lists fields such as &quot;Name, ID number&quot;</extracomment>
        <translation>请选择以下信息所在的列：%1。缺少该列将无法导入任何会员。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>These are the columns you chose last time for a file with the same headers.</source>
        <translation>以下是您上次为表头相同的文件选择的列。</translation>
    </message>
</context>
<context>
    <name>ud::ImportPlan</name>
    <message>
        <source>ID number: the same person as in row %1; only the first of the two rows is imported.</source>
        <translation>证件号码：与第 %1 行是同一人，两行中只导入第一行。</translation>
    </message>
    <message>
        <source>Mobile: %1 is also the mobile of row %2; please check it.</source>
        <translation>手机号码：%1 与第 %2 行的手机号码相同，请核对。</translation>
    </message>
    <message>
        <source>Mobile: %1 is also the mobile of the member %2; please check it.</source>
        <translation>手机号码：%1 也是会员 %2 的手机号码，请核对。</translation>
    </message>
    <message>
        <source>%1 The member is imported without &quot;%2&quot;; correct it in the member&apos;s form.</source>
        <translation>%1该会员照常导入，“%2”未导入，此项留空，可在会员信息中补填。</translation>
    </message>
    <message>
        <source>ID number: the same person as in row %1, which was refused; this row is imported instead. Please check which of the two is right.</source>
        <translation>身份证号码：与第 %1 行是同一人，该行未能导入，现导入本行。请核对两行中哪一行正确。</translation>
    </message>
    <message>
        <source>%1: some characters cannot be read: this cell was written in another encoding than the rest of the file (GBK in a UTF-8 file, say). Type it again in Excel or WPS and save the file again.</source>
        <translation>%1：此格中有乱码（可能是从别的文件粘贴过来的，文字编码与文件其余部分不同）。请在 Excel 或 WPS 中重新输入后再保存文件。</translation>
    </message>
    <message>
        <source>Column %1</source>
        <translation>%1列</translation>
    </message>
    <message>
        <source>Column %1 has no header, so its values (the first in row %2) are not imported. Give it a header if they belong to the members.</source>
        <translation>%1列没有表头，其中的内容（第一处在第 %2 行）不会导入。如果这些内容属于会员信息，请给该列加上表头。</translation>
    </message>
    <message>
        <source>%1 (column %2)</source>
        <translation>%1（%2列）</translation>
    </message>
    <message>
        <source>Column %1 &quot;%2&quot; names the same field as column %3 &quot;%4&quot;; only column %3 is imported, so the values of column %1 (the first in row %5) are not.</source>
        <translation>%1列“%2”与%3列“%4”对应同一项信息；只导入%3列，%1列的内容（第一处在第 %5 行）不会导入。</translation>
    </message>
    <message numerus="yes">
        <source>Organisation: more than one organisation in %2 is named &quot;%1&quot;; write it with its parent, as &quot;parent/%1&quot;. The %n member row(s) naming it are imported into %2 itself.</source>
        <translation>
            <numerusform>所在工会：“%2”下有不止一个名为“%1”的组织；请连同上级一起写，如“上级工会/%1”。填写该名称的 %n 行会员导入到“%2”。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Organisation: there is no organisation &quot;%1&quot; in %2. The %n member row(s) naming it are imported into %2 itself.</source>
        <translation>
            <numerusform>所在工会：“%2”下没有名为“%1”的组织。填写该名称的 %n 行会员导入到“%2”。</numerusform>
        </translation>
    </message>
    <message>
        <source>This row is hidden in the workbook (by hand or by a filter); it is imported like the others. If it should not be, delete it from the file, or delete the member after the import.</source>
        <translation>此行在表格中是隐藏的（手动隐藏或被筛选隐藏），已和其他行一样导入。如果不应导入，请从文件中删除此行，或导入后删除该会员。</translation>
    </message>
    <message>
        <source>%1: the cell holds a formula, but the file keeps no result of it (it was written by a program and never calculated). Open the file in Excel or WPS, save it and import it again.</source>
        <translation>%1：该单元格是公式，但文件中没有保存它的计算结果（文件由程序生成，从未计算过）。请用 Excel 或 WPS 打开此文件，保存后再导入。</translation>
    </message>
    <message>
        <source>%1 The member is imported without it; correct it in the member&apos;s form.</source>
        <translation>%1该会员照常导入，此项留空，可在会员信息中补填。</translation>
    </message>
    <message>
        <source>Birth date: &quot;%1&quot; (year and month) differs from the birth date in the ID number (%2), which counts; please check it.</source>
        <translation>出生日期：出生年月“%1”与证件号码中的出生日期（%2）不一致，以证件号码为准；请核对。</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n imported row(s) give only the year and month, as &quot;%2&quot; in row %3; the 1st of the month is taken.</source>
        <translation>
            <numerusform>%1：有 %n 个导入行只写了年月（如第 %3 行的“%2”），按当月 1 日计。</numerusform>
        </translation>
    </message>
    <message>
        <source>Column %1 &quot;%2&quot; is not one of the member&apos;s fields (or is marked as no longer valid), so its values (the first in row %3) are not imported. If they belong to the members, give the column the header of a field, or choose the field in the import window.</source>
        <translation>%1 列“%2”不是花名册中的信息项（或已注明不再使用），未导入（第一处内容在第 %3 行）。如需导入，请把列标题改为对应的信息项名称，或在导入窗口中为该列选择信息项。</translation>
    </message>
    <message>
        <source>Birth date: &quot;%1&quot; (a year) differs from the birth date in the ID number (%2), which counts; please check it.</source>
        <translation>出生日期：“%1”（年份）与身份证号码中的出生日期（%2）不一致，以身份证号码为准；请核对。</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n imported row(s) give only the year, as &quot;%2&quot; in row %3; the 1st of January of that year is taken.</source>
        <translation>
            <numerusform>%1：有 %n 个导入行只写了年份（如第 %3 行的“%2”），按当年 1 月 1 日计。</numerusform>
        </translation>
    </message>
    <message>
        <source>ID number: the same number as %1&apos;s in row %2, but the name here is %3; one of the two numbers is probably mistyped. Only the first row is imported; check both against the ID cards.</source>
        <translation>身份证号码：与第 %2 行%1的号码相同，但本行姓名为%3，两个号码中很可能有一个录错了。只导入第一行；请对照身份证核对两人的号码。</translation>
    </message>
    <message>
        <source>The file ends in this row without a line end, and the row has fewer columns than the header: if the file was cut short (an interrupted copy or download), the rest of the row is missing. Please compare it with the original.</source>
        <translation>文件在这一行结束，行尾没有换行，而且这一行的列数比表头少：如果文件被截断了（复制或下载中途中断），这一行后面的内容就缺失了。请与原件核对。</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Columns from %1</source>
        <translation>%1 列起</translation>
    </message>
    <message numerus="yes">
        <source>From column %1 on, the headers come again: a second table beside the first, with %n member(s) who are NOT imported. Put them below the first table, or on a sheet of their own, and import again.</source>
        <translation>
            <numerusform>从 %1 列起列标题再次出现：这是并排放在第一个表格旁边的第二个表格，其中 %n 名会员未导入。请把他们移到第一个表格下方或单独的工作表中，再重新导入。</numerusform>
        </translation>
    </message>
    <message>
        <source>Birth date: &quot;%1&quot; differs from the birth date in the ID number (%2), which is imported; please check it.</source>
        <translation>出生日期：“%1”与证件号码中的出生日期（%2）不一致，按证件号码中的日期导入，请核实。</translation>
    </message>
    <message>
        <source>Organisation: &quot;%1&quot; is not part of %2, which this import is for; this member is not imported. Import the row in that union, or remove the union&apos;s name from the row to take the member into %2.</source>
        <translation>所在工会：“%1”不属于本次导入的 %2，此会员未导入。请在该工会导入这一行；如确应转入 %2，请删去该行的工会名称。</translation>
    </message>
    <message>
        <source>ID number: %1 belongs to %2 of %3 in the roster, but the name here is %4; one of the two numbers is probably mistyped. This row is not imported: check the number against the ID card.</source>
        <translation>证件号码：%1 在花名册中属于 %3 的 %2，而本行的姓名是 %4，很可能有一个号码录错了。本行未导入：请对照身份证核对号码。</translation>
    </message>
    <message>
        <source>ID number: %1 (%2 of %3) is already in the roster. This row differs from the roster in %4; an import adds members and does not change them: correct the member&apos;s details in the roster instead.</source>
        <translation>证件号码：%1（%3 的 %2）已在花名册中。本行的%4与花名册中不同；导入只添加会员，不修改已有会员：请在花名册中修改该会员的信息。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>ID number: %1 (%2 of %3) is already in the roster with the same details; the row is not imported again.</source>
        <translation>证件号码：%1（%3 的 %2）已在花名册中，信息相同；本行不再重复导入。</translation>
    </message>
    <message>
        <source>The row is struck through (&quot;%1&quot;), which usually marks a member who has left: it is not imported. If the person is still a member, remove the strikethrough and import the file again.</source>
        <translation>本行带删除线（“%1”），这通常表示该会员已离开。如果此人仍是会员，请去掉删除线后重新导入该文件。</translation>
    </message>
    <message>
        <source>%1: the struck-through &quot;%2&quot; is not imported; what is not struck through is.</source>
        <translation>%1：带删除线的“%2”未导入，只导入了没有删除线的内容。</translation>
    </message>
    <message>
        <source>Name: the surname and the given name are in two columns (&quot;%1&quot;, column %2, and &quot;%3&quot;, column %4); one of them alone is half a name. Join them into one column 姓名 (for example with the formula =%2%5&amp;%4%5), then import the file again.</source>
        <translation>姓名：姓和名分在两列（%2 列“%1”和 %4 列“%3”），只导入其中一列会得到不完整的姓名，因此本行不导入。请在表格中把两列合并为一列“姓名”（例如用公式 =%2%5&amp;%4%5 后向下填充），然后重新导入。</translation>
    </message>
    <message>
        <source>This row is the template&apos;s example (&quot;%1&quot;), not a member: it is not imported. Delete it from the file.</source>
        <translation>本行是模板的填写示例（“%1”），不是会员，未导入。请从文件中删除该行。</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot;: imported with the membership status %3.</source>
        <translation>%1为“%2”，会籍状态按“%3”导入。</translation>
    </message>
    <message>
        <source>%1: the note says &quot;%2&quot;, so the person may no longer be an active member; the row is imported as %3. Check it, and write the membership status (会籍状态) if it is another.</source>
        <translation>%1：写有“%2”，此人可能已不是在会会员；本行仍按“%3”导入。请核对，如会籍状态不同，请在会籍状态列中注明。</translation>
    </message>
    <message>
        <source>%1 The gender the ID number states is imported.</source>
        <translation>%1已按证件号码中的性别导入。</translation>
    </message>
    <message>
        <source>%1 The birth date in the ID number is imported.</source>
        <translation>%1已按证件号码中的出生日期导入。</translation>
    </message>
    <message>
        <source>Column %1 &quot;%2&quot; is hidden in the workbook and names the same field as column %3 &quot;%4&quot;, which is shown; only column %3 is imported, so the values of the hidden column (the first in row %5) are not.</source>
        <translation>%1列“%2”在工作簿中被隐藏，且与显示的%3列“%4”对应同一项信息；只导入%3列，隐藏列的内容（第一处在第 %5 行）不会导入。</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; and %3 &quot;是&quot; disagree; imported as %4.</source>
        <translation>%1“%2”与%3“是”不一致；按“%4”导入。</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; with %3 &quot;否&quot;: the roster&apos;s %4 means a migrant worker, so the household is left empty; correct it in the member&apos;s form if needed.</source>
        <translation>%1“%2”而%3为“否”：花名册中的“%4”即指农民工，因此户籍类型留空；如有需要，请在会员信息中补正。</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; and %3 &quot;%4&quot; disagree; the membership status %4 is imported. Check which is right.</source>
        <translation>%1“%2”与%3“%4”不一致；按会籍状态“%4”导入，请核实哪一项正确。</translation>
    </message>
    <message>
        <source>Other numbers: %1</source>
        <translation>其他号码：%1</translation>
    </message>
    <message>
        <source>%1: the dates are written month/day/year, as &quot;%2&quot; in row %3; every date of that form in the column is read so.</source>
        <translation>%1：该列日期按“月/日/年”顺序填写（如第 %3 行的“%2”），该列中这种写法的日期都按此顺序读取。</translation>
    </message>
    <message>
        <source>%1: the dates are written day/month/year, as &quot;%2&quot; in row %3; every date of that form in the column is read so.</source>
        <translation>%1：该列日期按“日/月/年”顺序填写（如第 %3 行的“%2”），该列中这种写法的日期都按此顺序读取。</translation>
    </message>
    <message>
        <source>%1: dates with the year last are read month/day/year, as the file writes its other dates (&quot;%2&quot; in row %3).</source>
        <translation>%1：年份在后的日期按“月/日/年”顺序读取，与文件中其他日期的写法一致（如第 %3 行的“%2”）。</translation>
    </message>
    <message>
        <source>%1: dates with the year last are read day/month/year, as the file writes its other dates (&quot;%2&quot; in row %3).</source>
        <translation>%1：年份在后的日期按“日/月/年”顺序读取，与文件中其他日期的写法一致（如第 %3 行的“%2”）。</translation>
    </message>
    <message>
        <source>Card number: %1 is also the card number of row %2; please check it.</source>
        <translation>会员卡号：%1 与第 %2 行的会员卡号相同，请核实。</translation>
    </message>
    <message>
        <source>Card number: %1 is also the card number of the member %2; please check it.</source>
        <translation>会员卡号：%1 与会员“%2”的会员卡号相同，请核实。</translation>
    </message>
</context>
<context>
    <name>ud::ImportPreviewPage</name>
    <message>
        <source>Check the preview</source>
        <translation>核对预览</translation>
    </message>
    <message>
        <source>Every row has been checked; nothing has been written yet. Rows with a problem marked “Not imported” are left out; correct them in the file and import them later.</source>
        <translation>已检查每一行，尚未写入任何数据。有问题并标为“未导入”的行将被跳过，请在文件中更正后再导入这些行。</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Rows to import:</source>
        <translation>可导入行数：</translation>
    </message>
    <message>
        <source>Rows not imported:</source>
        <translation>未导入行数：</translation>
    </message>
    <message>
        <source>Warnings (imported; please check):</source>
        <translation>提醒（将导入，请核对）：</translation>
    </message>
    <message>
        <source>&amp;Save the problem list…</source>
        <translation>保存问题清单(&amp;S)…</translation>
    </message>
    <message>
        <source>Save every problem as a workbook, to correct the file row by row</source>
        <translation>将全部问题保存为工作簿，以便逐行更正文件</translation>
    </message>
    <message>
        <source>Checking every row of the sheet “%1”…</source>
        <translation>正在逐行检查工作表“%1”…</translation>
    </message>
    <message>
        <source>Checking the rows was cancelled.</source>
        <translation>已取消检查。</translation>
    </message>
    <message>
        <source>No row can be imported. Save the problem list, correct the file and import it again.</source>
        <translation>没有可导入的行。请保存问题清单，更正文件后重新导入。</translation>
    </message>
    <message>
        <source>Every row can be imported.</source>
        <translation>所有行均可导入。</translation>
    </message>
    <message>
        <source>%1 - problems</source>
        <extracomment>The name of the saved problem list; %1 is the name of the imported file without its extension</extracomment>
        <translation>%1 - 问题清单</translation>
    </message>
    <message>
        <source>Save the problem list</source>
        <translation>保存问题清单</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Saving the problem list…</source>
        <translation>正在保存问题清单…</translation>
    </message>
    <message>
        <source>The problem list was saved to %1.</source>
        <translation>问题清单已保存到 %1。</translation>
    </message>
    <message>
        <source>Rows skipped (blank, totals, signatures, fill-in hints):</source>
        <translation>跳过的行（空行、合计行、签名行、填写说明行）：</translation>
    </message>
    <message>
        <source>%1 (%2 of them already in the roster)</source>
        <translation>%1（其中 %2 行的会员已在花名册中）</translation>
    </message>
    <message>
        <source>Every member of this file is already in the roster: there is nothing to import. (An import adds members; it does not change those in the roster.)</source>
        <translation>本文件中的会员都已在花名册中，没有需要导入的行。（导入只添加会员，不会修改花名册中已有会员的信息。）</translation>
    </message>
</context>
<context>
    <name>ud::ImportProblemModel</name>
    <message>
        <source>Not imported</source>
        <translation>未导入</translation>
    </message>
    <message>
        <source>Imported; please check</source>
        <translation>已导入，请核对</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Column not imported</source>
        <translation>该列未导入</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
</context>
<context>
    <name>ud::ImportProgressPage</name>
    <message>
        <source>Importing</source>
        <translation>正在导入</translation>
    </message>
    <message>
        <source>The rows are written together: if you cancel, or anything fails, nothing is imported.</source>
        <translation>所有行将一次性写入：如果您取消，或出现任何错误，将不会导入任何数据。</translation>
    </message>
    <message>
        <source>Importing %1 members into %2…</source>
        <translation>正在将 %1 名会员导入 %2…</translation>
    </message>
</context>
<context>
    <name>ud::ImportSheetPage</name>
    <message>
        <source>Choose the sheet</source>
        <translation>选择工作表</translation>
    </message>
    <message>
        <source>The workbook has several sheets. Choose the one that holds the member roster.</source>
        <translation>该工作簿有多个工作表，请选择会员花名册所在的工作表。</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Header row</source>
        <translation>表头行</translation>
    </message>
    <message>
        <source>None found: no column of the name or the ID number</source>
        <translation>未找到：没有姓名列或证件号码列</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <extracomment>%1 is a row number, %2 the column headers found in that row</extracomment>
        <translation>第 %1 行：%2</translation>
    </message>
</context>
<context>
    <name>ud::ImportSummaryPage</name>
    <message>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <source>&amp;Undo this import…</source>
        <translation>撤销本次导入(&amp;U)…</translation>
    </message>
    <message>
        <source>Remove every member this import added; you see what that means before anything changes</source>
        <translation>删除本次导入添加的全部会员；执行前会先列出将受影响的内容</translation>
    </message>
    <message>
        <source>The import was undone: %1 members were removed from %2.</source>
        <extracomment>%1 is a number of members, %2 the organisation they were imported into</extracomment>
        <translation>已撤销导入：已从 %2 删除 %1 名会员。</translation>
    </message>
    <message>
        <source>Import undone</source>
        <translation>导入已撤销</translation>
    </message>
    <message>
        <source>The import stays in the import history (File menu), marked as undone.</source>
        <translation>该次导入仍保留在导入记录（“文件”菜单）中，并标为已撤销。</translation>
    </message>
    <message>
        <source>%1 members were imported into %2.</source>
        <extracomment>%1 is a number of members, %2 the organisation they joined</extracomment>
        <translation>已将 %1 名会员导入 %2。</translation>
    </message>
    <message>
        <source>Import cancelled</source>
        <translation>导入已取消</translation>
    </message>
    <message>
        <source>The import was cancelled. Nothing was imported; the roster is as it was.</source>
        <translation>导入已取消，未导入任何数据，花名册保持不变。</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>未导入任何数据：%1</translation>
    </message>
    <message>
        <source>Rows not imported because of a problem: %1. Correct them in the file and import it again: members imported now are recognised and not added twice.</source>
        <translation>因存在问题而未导入的行：%1 行。请在文件中更正后重新导入该文件：本次已导入的会员会被识别出来，不会重复添加。</translation>
    </message>
    <message>
        <source>Warnings to check in the roster: %1.</source>
        <translation>需在花名册中核对的提醒：%1 条。</translation>
    </message>
    <message>
        <source>File: %1, sheet “%2”.</source>
        <extracomment>The file and sheet the members came from</extracomment>
        <translation>文件：%1，工作表“%2”。</translation>
    </message>
</context>
<context>
    <name>ud::ImportTasks</name>
    <message>
        <source>%1: the file cannot be written.</source>
        <translation>%1：无法写入文件。</translation>
    </message>
</context>
<context>
    <name>ud::ImportUndoRunner</name>
    <message>
        <source>File: %1</source>
        <translation>文件：%1</translation>
    </message>
    <message>
        <source>File: %1, sheet “%2”</source>
        <translation>文件：%1，工作表“%2”</translation>
    </message>
    <message>
        <source>Into: %1</source>
        <translation>导入到：%1</translation>
    </message>
    <message>
        <source>Imported: %1</source>
        <translation>导入时间：%1</translation>
    </message>
    <message>
        <source>Imported: %1 by %2</source>
        <translation>导入时间：%1，导入人：%2</translation>
    </message>
    <message>
        <source>Undo this import?</source>
        <translation>要撤销这次导入吗？</translation>
    </message>
    <message>
        <source>Members who will be removed from the roster: %1.</source>
        <translation>将从花名册中删除的会员：%1 名。</translation>
    </message>
    <message>
        <source>Already on the server: %1 of them. For these the undo sends deletions at the next sync.</source>
        <translation>其中 %1 名已同步到服务器，撤销后将在下次同步时从服务器上删除。</translation>
    </message>
    <message>
        <source>None of them has reached the server yet: they simply disappear, with their history.</source>
        <translation>这些会员均未同步到服务器，将连同其历史记录直接删除。</translation>
    </message>
    <message>
        <source>Changed after the import (details, status or history): %1 of them. Those changes are removed with them.</source>
        <translation>其中 %1 名在导入后有过修改（信息、会籍状态或历史记录），这些修改将一并删除。</translation>
    </message>
    <message>
        <source>Deleted since the import, and left as they are: %1.</source>
        <translation>导入后已被删除的会员（不作处理）：%1 名。</translation>
    </message>
    <message>
        <source>Moved outside your organisation since the import, and left where they are: %1.</source>
        <translation>导入后已转出您所管理范围的会员（保持不变）：%1 名。</translation>
    </message>
    <message>
        <source>This import no longer exists or is outside your organisation.</source>
        <translation>该次导入已不存在，或不在您所管理的范围内。</translation>
    </message>
    <message>
        <source>This import was already undone on %1.</source>
        <translation>该次导入已于 %1 撤销。</translation>
    </message>
    <message>
        <source>The import cannot be undone:</source>
        <translation>无法撤销该次导入：</translation>
    </message>
    <message>
        <source>There is nothing to undo: no member of this import is in your roster any more.</source>
        <translation>无需撤销：该次导入的会员均已不在您的花名册中。</translation>
    </message>
    <message>
        <source>Reading what the undo would change…</source>
        <translation>正在查看撤销将涉及的数据…</translation>
    </message>
    <message>
        <source>The undo was cancelled; nothing was changed.</source>
        <translation>已取消撤销，未作任何更改。</translation>
    </message>
    <message>
        <source>The import was not undone: %1</source>
        <translation>未能撤销导入：%1</translation>
    </message>
    <message>
        <source>Undo import</source>
        <translation>撤销导入</translation>
    </message>
    <message>
        <source>Undoing the import…</source>
        <translation>正在撤销导入…</translation>
    </message>
    <message>
        <source>The import was undone. Members removed: %1.</source>
        <translation>已撤销导入，共删除会员 %1 名。</translation>
    </message>
    <message>
        <source>Deletions to send to the server at the next sync: %1.</source>
        <translation>下次同步时将从服务器上删除 %1 名会员。</translation>
    </message>
</context>
<context>
    <name>ud::ImportWizard</name>
    <message>
        <source>Import members</source>
        <translation>导入会员</translation>
    </message>
</context>
<context>
    <name>ud::IsolatedXlsReader</name>
    <message>
        <source>%1: the reader for .xls files cannot be started (%2).</source>
        <translation>%1：无法启动 .xls 文件读取程序（%2）。</translation>
    </message>
    <message>
        <source>%1: reading the file took too long and was stopped. Open it in Excel or WPS, save it as .xlsx and import that file.</source>
        <translation>%1：读取文件耗时过长，已停止。请用 Excel 或 WPS 打开该文件，另存为 .xlsx 后再导入。</translation>
    </message>
    <message>
        <source>%1: the file is damaged and cannot be read. Open it in Excel or WPS, save it as .xlsx and import that file.</source>
        <translation>%1：文件已损坏，无法读取。请用 Excel 或 WPS 打开该文件，另存为 .xlsx 后再导入。</translation>
    </message>
    <message>
        <source>%1: the file cannot be read.</source>
        <translation>%1：无法读取该文件。</translation>
    </message>
    <message>
        <source>%1: the reader for .xls files gave an incomplete answer.</source>
        <translation>%1：.xls 文件读取程序返回的内容不完整。</translation>
    </message>
</context>
<context>
    <name>ud::LetterFont</name>
    <message>
        <source>fonts need a QGuiApplication (the offscreen platform serves when there is no display)</source>
        <translation>字体功能需要 QGuiApplication（没有显示器时可使用 offscreen 平台）</translation>
    </message>
    <message>
        <source>no font that prints Chinese correctly into a PDF is installed; install the package %1</source>
        <translation>未安装能将中文正确写入 PDF 的字体，请安装软件包 %1</translation>
    </message>
    <message>
        <source> or </source>
        <comment>between package names</comment>
        <translation> 或 </translation>
    </message>
</context>
<context>
    <name>ud::MainWindow</name>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>工会桌面通 UnionDesk</source>
        <translation>工会桌面通</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>工会组织</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>&amp;New member…</source>
        <translation>新增会员(&amp;N)…</translation>
    </message>
    <message>
        <source>Add a new member</source>
        <translation>新增一名会员</translation>
    </message>
    <message>
        <source>&amp;Edit member…</source>
        <translation>编辑会员(&amp;E)…</translation>
    </message>
    <message>
        <source>Edit the selected member (Enter or double-click also edits)</source>
        <translation>编辑所选会员（按 Enter 键或双击也可编辑）</translation>
    </message>
    <message>
        <source>Change &amp;status…</source>
        <translation>变更会籍状态(&amp;S)…</translation>
    </message>
    <message>
        <source>Retain, withdraw, stop, expel or restore the selected member&apos;s membership</source>
        <translation>为所选会员办理保留会籍、退会、停止会籍、开除会籍或恢复在会</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>历史记录(&amp;H)…</translation>
    </message>
    <message>
        <source>Show the selected member&apos;s history</source>
        <translation>查看所选会员的历史记录</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Read the organisations and the roster again</source>
        <translation>重新读取工会组织和花名册</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>Language and your name</source>
        <translation>界面语言和您的姓名</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Close UnionDesk</source>
        <translation>关闭工会桌面通</translation>
    </message>
    <message>
        <source>&amp;About UnionDesk</source>
        <translation>关于工会桌面通(&amp;A)</translation>
    </message>
    <message>
        <source>Version and licence</source>
        <translation>版本和许可协议</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Member</source>
        <translation>会员(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Organisation tree</source>
        <translation>工会组织树(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Data file: %1</source>
        <translation>数据文件：%1</translation>
    </message>
    <message>
        <source>Showing %1 of %2 members</source>
        <translation>共 %2 名会员，当前显示 %1 名</translation>
    </message>
    <message>
        <source>Everything synced</source>
        <translation>已全部同步</translation>
    </message>
    <message>
        <source>Waiting to sync: %1</source>
        <translation>待同步：%1</translation>
    </message>
    <message>
        <source>Changes made on this computer that the server has not received yet</source>
        <translation>在本机修改、服务器尚未收到的数据</translation>
    </message>
    <message>
        <source>The new member is not shown under the current search and filters.</source>
        <translation>新增的会员不符合当前的搜索和筛选条件，因此未显示。</translation>
    </message>
    <message>
        <source>%1 was added.</source>
        <translation>已添加会员%1。</translation>
    </message>
    <message>
        <source>%1 was saved.</source>
        <translation>已保存%1的信息。</translation>
    </message>
    <message>
        <source>About UnionDesk</source>
        <translation>关于工会桌面通</translation>
    </message>
    <message>
        <source>&lt;h3&gt;工会桌面通 UnionDesk %1&lt;/h3&gt;&lt;p&gt;Organisations, members and cadres of the trade union, offline on this computer and synced with the server.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;工会桌面通 UnionDesk %1&lt;/h3&gt;&lt;p&gt;管理工会组织、会员和工会干部数据，可在本机离线使用，并与服务器同步。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>花名册</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>组织详情</translation>
    </message>
    <message>
        <source>&amp;Import members…</source>
        <translation>导入会员(&amp;I)…</translation>
    </message>
    <message>
        <source>Import a roster from an Excel, WPS or text file</source>
        <translation>从 Excel、WPS 或文本文件导入花名册</translation>
    </message>
    <message>
        <source>Import &amp;history…</source>
        <translation>导入记录(&amp;H)…</translation>
    </message>
    <message>
        <source>The imports made so far; undo an import as a whole</source>
        <translation>查看历次导入，可整批撤销某次导入</translation>
    </message>
    <message>
        <source>Members imported: %1.</source>
        <translation>已导入会员 %1 名。</translation>
    </message>
    <message>
        <source>Import undone. Members removed: %1.</source>
        <translation>导入已撤销，共删除会员 %1 名。</translation>
    </message>
    <message>
        <source>&amp;Export roster…</source>
        <translation>导出花名册(&amp;E)…</translation>
    </message>
    <message>
        <source>Save the members the roster shows as an Excel workbook or a CSV file</source>
        <translation>将花名册中当前显示的会员保存为 Excel 工作簿或 CSV 文件</translation>
    </message>
    <message>
        <source>Save import &amp;template…</source>
        <translation>保存导入模板(&amp;T)…</translation>
    </message>
    <message>
        <source>An empty workbook with the expected columns, to fill in and import</source>
        <translation>空白工作簿，已含导入所需的各列，填写后即可导入</translation>
    </message>
    <message>
        <source>Exported %1 members to %2.</source>
        <translation>已将 %1 名会员导出到 %2。</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Save import template</source>
        <translation>保存导入模板</translation>
    </message>
    <message>
        <source>Member roster template.xlsx</source>
        <translation>会员花名册导入模板.xlsx</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Import template saved to %1.</source>
        <translation>导入模板已保存到 %1。</translation>
    </message>
    <message>
        <source>&amp;Terms ending soon…</source>
        <translation>换届提醒(&amp;T)…</translation>
    </message>
    <message>
        <source>Cadres whose term of office ends soon, across your organisation (换届提醒)</source>
        <translation>本单位及下级工会中任期即将届满的工会干部</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>立即同步(&amp;S)</translation>
    </message>
    <message>
        <source>Send this computer&apos;s changes to the server and receive the others&apos;</source>
        <translation>将本机的修改发送到服务器，并接收其他人的修改</translation>
    </message>
    <message>
        <source>Sync &amp;conflicts…</source>
        <translation>同步冲突(&amp;C)…</translation>
    </message>
    <message>
        <source>Changes the server could not take as they were: keep yours or take the server&apos;s</source>
        <translation>服务器未能按原样接受的修改：可保留本机的值，或采用服务器的值</translation>
    </message>
    <message>
        <source>Sign in to the se&amp;rver…</source>
        <translation>登录服务器(&amp;R)…</translation>
    </message>
    <message>
        <source>The server and account this data file syncs with</source>
        <translation>设置本数据文件同步所用的服务器和账号</translation>
    </message>
    <message>
        <source>S&amp;ync</source>
        <translation>同步(&amp;Y)</translation>
    </message>
    <message>
        <source>Sync failed: %1</source>
        <translation>同步失败：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) need your decision before they can sync.</source>
        <translation>
            <numerusform>有 %n 项修改需要您处理后才能同步。</numerusform>
        </translation>
    </message>
    <message>
        <source>Show conflicts</source>
        <translation>查看冲突</translation>
    </message>
</context>
<context>
    <name>ud::MemberDialog</name>
    <message>
        <source>%1:</source>
        <translation>%1：</translation>
    </message>
    <message>
        <source>Basic details</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>未填写</translation>
    </message>
    <message>
        <source>18 characters; the last may be X</source>
        <translation>18 位，末位可为 X</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>如 2024-01-31</translation>
    </message>
    <message>
        <source>Filled in from a resident ID number when left empty</source>
        <translation>留空时根据居民身份证号码自动填写</translation>
    </message>
    <message>
        <source>11 digits</source>
        <translation>11 位数字</translation>
    </message>
    <message>
        <source>e.g. Han</source>
        <translation>如：汉族</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>工作信息</translation>
    </message>
    <message>
        <source>Union membership</source>
        <translation>会籍信息</translation>
    </message>
    <message>
        <source>e.g. national, provincial, city</source>
        <translation>如：全国、省级、市级</translation>
    </message>
    <message>
        <source>New member</source>
        <translation>新增会员</translation>
    </message>
    <message>
        <source>&amp;Add member</source>
        <translation>添加会员(&amp;A)</translation>
    </message>
    <message>
        <source>The member no longer exists or is outside your organisation.</source>
        <translation>该会员已不存在，或不在您所管理的工会组织范围内。</translation>
    </message>
    <message>
        <source>Edit member – %1</source>
        <translation>编辑会员 – %1</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Change the status with Member ▸ Change status (Ctrl+Shift+S), so that it is recorded in the member&apos;s history.</source>
        <translation>请通过“会员 ▸ 变更会籍状态”（Ctrl+Shift+S）变更会籍状态，以便记入该会员的历史记录。</translation>
    </message>
    <message>
        <source>See the message at the top.</source>
        <translation>请查看顶部的提示信息。</translation>
    </message>
    <message>
        <source>Still needed: %1</source>
        <translation>尚需填写：%1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Correct the fields marked in red to save.</source>
        <translation>请更正红色标记的项目后再保存。</translation>
    </message>
    <message>
        <source>You can save; please check the fields marked in amber.</source>
        <translation>可以保存，但请核对橙色标记的项目。</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <source>Discard the new member you have entered?</source>
        <translation>要放弃已录入的新会员信息吗？</translation>
    </message>
    <message>
        <source>Discard your changes to this member?</source>
        <translation>要放弃对该会员所做的修改吗？</translation>
    </message>
    <message>
        <source>%1: %2 is already a member of %3 (since %4). One person holds one membership: request a transfer in instead of adding the person again.</source>
        <translation>%1：%2 已是 %3 的会员（%4 入会）。一人只能有一个会籍：请申请转入，不要重复添加。</translation>
    </message>
    <message>
        <source>Request a transfer &amp;in instead</source>
        <translation>改为申请转入(&amp;I)</translation>
    </message>
</context>
<context>
    <name>ud::MemberHistoryModel</name>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1：%2 → %3</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更内容</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>; </source>
        <extracomment>Separates the changed fields in the history&apos;s Change column</extracomment>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>ud::MemberRepository</name>
    <message>
        <source>Organisation: it does not exist or is outside your organisation.</source>
        <translation>所属工会：该工会组织不存在，或不在您所管理的范围内。</translation>
    </message>
    <message>
        <source>ID number: %1 already belongs to %2 of %3. One person can hold only one membership; transfer the existing member instead.</source>
        <translation>证件号码：%1 已属于会员%2（%3）。一人只能有一个会籍，请为该会员办理转会。</translation>
    </message>
    <message>
        <source>Member: the record no longer exists or is outside your organisation.</source>
        <translation>会员：该记录已不存在，或不在您所管理的范围内。</translation>
    </message>
    <message>
        <source>Member: the record no longer exists.</source>
        <translation>会员：该记录已不存在。</translation>
    </message>
    <message>
        <source>Membership status: &quot;%1&quot; is not a known status.</source>
        <translation>会籍状态：“%1”不是有效的会籍状态。</translation>
    </message>
    <message>
        <source>Membership status: the member is already &quot;%1&quot;.</source>
        <translation>会籍状态：该会员已经是“%1”状态。</translation>
    </message>
    <message>
        <source>Effective date: %1 is in the future.</source>
        <translation>生效日期：%1 晚于今天。</translation>
    </message>
</context>
<context>
    <name>ud::MemberValidator</name>
    <message>
        <source>Organisation</source>
        <translation>所属工会</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation>民族</translation>
    </message>
    <message>
        <source>ID document type</source>
        <translation>证件类别</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>学历</translation>
    </message>
    <message>
        <source>Political status</source>
        <translation>政治面貌</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>所属行业</translation>
    </message>
    <message>
        <source>Employment form</source>
        <translation>就业形态</translation>
    </message>
    <message>
        <source>Household registration</source>
        <translation>户籍类型</translation>
    </message>
    <message>
        <source>Join date</source>
        <translation>入会日期</translation>
    </message>
    <message>
        <source>Member card number</source>
        <translation>会员卡号</translation>
    </message>
    <message>
        <source>Membership status</source>
        <translation>会籍状态</translation>
    </message>
    <message>
        <source>Real-name verified</source>
        <translation>已实名认证</translation>
    </message>
    <message>
        <source>Verification method</source>
        <translation>认证方式</translation>
    </message>
    <message>
        <source>Verification date</source>
        <translation>认证日期</translation>
    </message>
    <message>
        <source>Labour model level</source>
        <translation>劳模级别</translation>
    </message>
    <message>
        <source>Hardship worker</source>
        <translation>困难职工</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Organisation: choose the organisation the member belongs to.</source>
        <translation>所属工会：请选择会员所属的工会组织。</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not one of the allowed values (%3).</source>
        <translation>%1：“%2”不在可选范围内（可选值：%3）。</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a date (use YYYY-MM-DD).</source>
        <translation>%1：“%2”不是有效日期（格式为 YYYY-MM-DD）。</translation>
    </message>
    <message>
        <source>%1: %2 is in the future.</source>
        <translation>%1：%2 晚于今天。</translation>
    </message>
    <message>
        <source>Birth date: %1 differs from the birth date in the ID number (%2).</source>
        <translation>出生日期：%1 与证件号码中的出生日期（%2）不一致。</translation>
    </message>
    <message>
        <source>ID number: a %1 number must have 5 to 30 letters or digits.</source>
        <translation>证件号码：%1号码应为 5 至 30 位字母或数字。</translation>
    </message>
    <message>
        <source>Join date: %1 is before the member was born (%2).</source>
        <translation>入会日期：%1 早于会员的出生日期（%2）。</translation>
    </message>
    <message>
        <source>Join date: the member was younger than 16 on %1; please check it.</source>
        <translation>入会日期：会员在 %1 时未满 16 周岁，请核实。</translation>
    </message>
    <message>
        <source>, </source>
        <extracomment>Separates the allowed values in a list</extracomment>
        <translation>、</translation>
    </message>
    <message>
        <source>ID document type: &quot;%1&quot; is not a known document type (%2).</source>
        <translation>证件类别：“%1”不是可识别的证件类别（可选：%2）。</translation>
    </message>
    <message>
        <source>ID number: %1 is not the number of a Hong Kong, Macao and Taiwan residence permit, which begins with 810000, 820000 or 830000; check the number and the document type.</source>
        <translation>证件号码：%1 不是港澳台居民居住证号码（应以 810000、820000 或 830000 开头），请核对号码和证件类别。</translation>
    </message>
    <message>
        <source>ID document type: %1 is the number of a Hong Kong, Macao and Taiwan residence permit, not of a resident identity card; it counts as a residence permit.</source>
        <translation>证件类别：%1 是港澳台居民居住证号码，不是居民身份证号码，按港澳台居民居住证处理。</translation>
    </message>
    <message>
        <source>Name: the spaces in &quot;%1&quot; are left out, giving %2; if a note followed the name (a gender, 退休), correct it.</source>
        <translation>姓名：“%1”去掉空格后为“%2”；如果空格后是备注（如性别、退休），请改正。</translation>
    </message>
    <message>
        <source>Ethnicity: &quot;%1&quot; is not one of China&apos;s 56 ethnic groups; write it as 汉族, 回族, 维吾尔族 ….</source>
        <translation>民族：“%1”不是我国 56 个民族之一，请写作汉族、回族、维吾尔族等。</translation>
    </message>
    <message>
        <source>Name: &quot;%1&quot; is stored as %2, with the middle dot between the words as minority names are written on the identity card; correct it if that is wrong.</source>
        <translation>姓名：“%1”记为“%2”，按身份证上少数民族姓名的写法在各部分之间加间隔号“·”；如不对请改正。</translation>
    </message>
    <message>
        <source>%1: it has %2 characters; at most %3 are allowed.</source>
        <translation>%1：共 %2 个字符，最多允许 %3 个。</translation>
    </message>
    <message>
        <source>Mobile: %1 ends in repeated or consecutive digits and may be made up; please check it.</source>
        <translation>手机号码：%1 末尾是重复或连续的数字，可能是随意填写的，请核实。</translation>
    </message>
    <message>
        <source>ID document type: &quot;%1&quot; is not a known document type; the number is a valid resident identity card number and is taken as one.</source>
        <translation>证件类别：“%1”不是已知的证件类别；该号码是有效的居民身份证号码，已按居民身份证处理。</translation>
    </message>
    <message>
        <source>ID document type: &quot;%1&quot; is a travel permit, which a membership is not registered with. A resident of Hong Kong, Macao or Taiwan living here has a residence permit (港澳台居民居住证, its number begins with 81, 82 or 83): enter that number.</source>
        <translation>证件类别：“%1”是通行证，不能用于登记会籍。在内地居住的港澳台居民持有港澳台居民居住证（号码以 81、82 或 83 开头），请填写居住证号码。</translation>
    </message>
    <message>
        <source>Union member</source>
        <translation>是否工会会员</translation>
    </message>
    <message>
        <source>Employee status</source>
        <translation>员工状态</translation>
    </message>
    <message>
        <source>Birth date: %1 makes the member %2 years old; please check it (and the ID number).</source>
        <translation>出生日期：按 %1 计算，该会员已 %2 岁，请核对出生日期和证件号码。</translation>
    </message>
    <message>
        <source>Birth date: %1 makes the member younger than 16; please check it.</source>
        <translation>出生日期：按 %1 计算，该会员不满 16 岁，请核对。</translation>
    </message>
    <message>
        <source>Name: &quot;%1&quot; is stored as one name, %2; if the cell holds two people, give each a row of their own.</source>
        <translation>姓名：“%1”按一个姓名保存为“%2”；如果该单元格中是两个人，请每人各占一行。</translation>
    </message>
    <message>
        <source>Name: &quot;%1&quot; after the Chinese name is left out (a transliteration); the name is stored as %2.</source>
        <translation>姓名：中文姓名后面的“%1”（拼音或外文译名）未导入，姓名保存为“%2”。</translation>
    </message>
    <message>
        <source>Migrant worker</source>
        <translation>是否农民工</translation>
    </message>
</context>
<context>
    <name>ud::MessageBar</name>
    <message>
        <source>Close this message</source>
        <translation>关闭此提示</translation>
    </message>
</context>
<context>
    <name>ud::MobileNumber</name>
    <message>
        <source>Mobile: nothing was entered.</source>
        <translation>手机号码：未填写。</translation>
    </message>
    <message>
        <source>Mobile: Excel stored it as a number and shows %1, so digits are lost. Retype the mobile number as text.</source>
        <translation>手机号码：Excel 将其存成了数字并显示为 %1，部分数字已丢失。请以文本格式重新录入手机号码。</translation>
    </message>
    <message>
        <source>Mobile: only mainland China numbers (+86) are accepted.</source>
        <translation>手机号码：仅支持中国大陆手机号码（+86）。</translation>
    </message>
    <message>
        <source>Mobile: %1 is not allowed; a mobile number has only digits.</source>
        <translation>手机号码：不允许出现 %1，手机号码只能包含数字。</translation>
    </message>
    <message>
        <source>Mobile: it has %1 digits; it should have 11.</source>
        <translation>手机号码：共 %1 位，应为 11 位。</translation>
    </message>
    <message>
        <source>Mobile: a mainland mobile number begins with 13 to 19, not %1.</source>
        <translation>手机号码：大陆手机号码应以 13 至 19 开头，而不是 %1。</translation>
    </message>
    <message>
        <source>Mobile: the number ends in repeated or consecutive digits and may be made up; please check it.</source>
        <translation>手机号码：号码末尾为重复或连续数字，可能是随意填写的，请核实。</translation>
    </message>
</context>
<context>
    <name>ud::OrcusReader</name>
    <message>
        <source>%1: the workbook is damaged (its parts claim more data than the file holds). Open it in Excel or WPS and save it again.</source>
        <translation>%1：工作簿已损坏（其内部记录的数据量超出了文件的实际内容）。请用 Excel 或 WPS 打开后重新保存。</translation>
    </message>
    <message>
        <source>%1: the file is empty (0 bytes). Copy or download the roster again.</source>
        <translation>%1：文件是空的（0 字节）。请重新复制或下载花名册。</translation>
    </message>
    <message>
        <source>%1: the file is not an .xlsx workbook: it is an older Excel (.xls) file under a new name, or a workbook protected with a password. Open it in Excel or WPS, remove any password and save it as .xlsx.</source>
        <translation>%1：该文件不是 .xlsx 工作簿，而是改了扩展名的旧版 Excel（.xls）文件，或是设有密码的工作簿。请用 Excel 或 WPS 打开，去掉密码后另存为 .xlsx。</translation>
    </message>
    <message>
        <source>%1: the file is not an OpenDocument spreadsheet: it is an older Excel (.xls) file under a new name. Open it in Excel, WPS or LibreOffice and save it as .ods or .xlsx.</source>
        <translation>%1：该文件不是 OpenDocument 电子表格，而是改了扩展名的旧版 Excel（.xls）文件。请用 Excel、WPS 或 LibreOffice 打开后另存为 .ods 或 .xlsx。</translation>
    </message>
    <message>
        <source>%1: the file is not an Excel workbook (.xlsx), whatever its name says. Open it in Excel or WPS and save it as .xlsx.</source>
        <translation>%1：该文件并不是 Excel 工作簿（.xlsx），尽管扩展名如此。请用 Excel 或 WPS 打开后另存为 .xlsx。</translation>
    </message>
    <message>
        <source>%1: the file is not an OpenDocument spreadsheet (.ods), whatever its name says. Open it in LibreOffice or WPS and save it as .ods or .xlsx.</source>
        <translation>%1：该文件并不是 OpenDocument 电子表格（.ods），尽管扩展名如此。请用 LibreOffice 或 WPS 打开后另存为 .ods 或 .xlsx。</translation>
    </message>
    <message>
        <source>%1: the workbook is damaged (its zip archive is incomplete or broken, as after an interrupted download or copy). Open it in Excel or WPS and save it again.</source>
        <translation>%1：工作簿已损坏（文件不完整或已破损，常见于下载或复制中断）。请用 Excel 或 WPS 打开后重新保存。</translation>
    </message>
    <message>
        <source>%1: the workbook is damaged or not a spreadsheet (%2). Open it in Excel or WPS and save it again.</source>
        <translation>%1：工作簿已损坏，或不是电子表格（%2）。请用 Excel 或 WPS 打开后重新保存。</translation>
    </message>
    <message>
        <source>%1: the Excel 2003 XML workbook is damaged (%2). Open it in Excel or WPS and save it as .xlsx.</source>
        <translation>%1：这个 Excel 2003 XML 工作簿已损坏（%2）。请用 Excel 或 WPS 打开后另存为 .xlsx 文件。</translation>
    </message>
    <message>
        <source>%1: the workbook is damaged: its part &quot;%2&quot; does not read back as it was saved (as after an interrupted copy or download, or a failing USB stick), so rows would be missing. Open it in Excel or WPS and let it repair the file, or use another copy.</source>
        <translation>%1：工作簿已损坏：其中的“%2”部分与保存时不一致（常见于复制或下载中断、U 盘故障），导入会缺少行。请用 Excel 或 WPS 打开，让它修复文件，或改用另一份副本。</translation>
    </message>
    <message>
        <source>%1: the workbook is damaged: part of its content cannot be read (as when a copy, a download or the program saving it was cut short). Open it in Excel or WPS and let it repair the file, or use another copy.</source>
        <translation>%1：工作簿已损坏：其中部分内容无法读取（常见于复制、下载或保存它的程序中途中断）。请用 Excel 或 WPS 打开，让它修复文件，或改用另一份副本。</translation>
    </message>
    <message>
        <source>%1: the workbook is damaged: its part &quot;%2&quot; stops in the middle (as when a copy, a download or the program saving it was cut short), so rows would be missing. Open it in Excel or WPS and let it repair the file, or use another copy.</source>
        <translation>%1：工作簿已损坏：其中的“%2”部分在中途中断（常见于复制、下载或保存它的程序中途中断），导入会缺少行。请用 Excel 或 WPS 打开，让它修复文件，或改用另一份副本。</translation>
    </message>
    <message>
        <source>%1: the workbook is damaged: cells of sheet &quot;%2&quot; refer to texts its list of texts does not hold (xl/sharedStrings.xml), so they would be read empty. Open it in Excel or WPS and let it repair the file, or use another copy.</source>
        <translation>%1：工作簿已损坏：工作表“%2”中有单元格引用了文字列表（xl/sharedStrings.xml）里没有的文字，这些单元格会被读成空白。请用 Excel 或 WPS 打开，让它修复文件，或改用另一份副本。</translation>
    </message>
    <message>
        <source>%1: the workbook was packed by a program other than Excel, WPS or LibreOffice, with a kind of compression they do not use (part &quot;%2&quot;), and cannot be read. Open it in the program that made it and save it as .xlsx.</source>
        <translation>%1：这个工作簿不是由 Excel、WPS 或 LibreOffice 打包的，使用了它们不用的压缩方式（“%2”部分），无法读取。请用生成它的程序打开，另存为 .xlsx。</translation>
    </message>
    <message>
        <source>%1: the workbook is damaged: sheet &quot;%2&quot; is missing from the file (its part &quot;%3&quot; is not there). Open it in Excel or WPS and let it repair the file, or use another copy.</source>
        <translation>%1：工作簿已损坏：文件中缺少工作表“%2”（找不到它的“%3”部分）。请用 Excel 或 WPS 打开，让它修复文件，或改用另一份副本。</translation>
    </message>
    <message>
        <source>%1: the workbook is damaged: its part &quot;%2&quot; holds text in another encoding than it declares (as when a web system writes GBK into it), so cells would be read empty. Open it in WPS or Excel and save it again, or export it again from the system that made it.</source>
        <translation>%1：工作簿已损坏：其中的“%2”部分所用的文字编码与它声明的不同（例如网上系统把 GBK 文字写进了文件），单元格会被读成空白。请用 WPS 或 Excel 打开后重新保存，或从生成它的系统重新导出。</translation>
    </message>
</context>
<context>
    <name>ud::OrganisationCombo</name>
    <message>
        <source>Choose an organisation</source>
        <translation>请选择工会组织</translation>
    </message>
</context>
<context>
    <name>ud::OrganisationExport</name>
    <message>
        <source>Organisation: the record no longer exists or is outside your organisation.</source>
        <translation>工会组织：该记录已不存在，或不在您所管理的范围内。</translation>
    </message>
    <message>
        <source>Active members</source>
        <translation>在会会员</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>工会组织</translation>
    </message>
    <message>
        <source>Organisations: %1</source>
        <translation>工会组织：%1</translation>
    </message>
</context>
<context>
    <name>ud::OrganisationImport</name>
    <message>
        <source>No sheet of the file has a header row naming the organisation name and one more column (such as 工会名称, 上级工会, 统一社会信用代码).</source>
        <translation>文件中没有任何工作表含可识别的表头行：表头至少应包含工会名称列以及另外一列（如工会名称、上级工会、统一社会信用代码）。</translation>
    </message>
    <message>
        <source>Sheet &quot;%1&quot; is not in the file or has no header row naming the organisation name and one more column (such as 工会名称, 上级工会, 统一社会信用代码).</source>
        <translation>文件中没有工作表“%1”，或该工作表中没有可识别的表头行：表头至少应包含工会名称列以及另外一列（如工会名称、上级工会、统一社会信用代码）。</translation>
    </message>
    <message>
        <source>%1: it must not be empty.</source>
        <translation>%1：不能为空。</translation>
    </message>
    <message>
        <source>%1: not given; taken from the name as &quot;%2&quot;.</source>
        <translation>%1：未填写，已根据名称判断为“%2”。</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a known level.</source>
        <translation>%1：“%2”不是已知的层级。</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a known kind.</source>
        <translation>%1：“%2”不是已知的类型。</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a known status.</source>
        <translation>%1：“%2”不是已知的状态。</translation>
    </message>
    <message>
        <source>%1: the cell holds a number, so the spreadsheet may have changed it; format the column as text and type the code again.</source>
        <translation>%1：该单元格是数字格式，表格可能已改动了代码。请把该列设置为文本格式后重新输入代码。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a number of people.</source>
        <translation>%1：“%2”不是有效的人数。</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is already on row %3; the first row stays.</source>
        <translation>%1：“%2”与第 %3 行重复，两行中只导入第一行。</translation>
    </message>
    <message>
        <source>%1: the same code is on row %2; the first row stays.</source>
        <translation>%1：与第 %2 行的代码相同，两行中只导入第一行。</translation>
    </message>
    <message>
        <source>%1: %2 already has this code.</source>
        <translation>%1：该代码已被 %2 使用。</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is the organisation you import into; left as it is.</source>
        <translation>%1：“%2”就是导入的目标工会组织，保持不变。</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is neither a row of this file nor a union in your organisation.</source>
        <translation>%1：“%2”既不在本文件中，也不是您所管理范围内的工会。</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is already in the tree under the same parent; left as it is.</source>
        <translation>%1：组织树中同一上级工会下已有“%2”，保持不变。</translation>
    </message>
    <message>
        <source>%1: its parent, row %2, is not imported.</source>
        <translation>%1：其上级工会（第 %2 行）未导入。</translation>
    </message>
    <message>
        <source>Row %1: %2 Nothing was imported.</source>
        <translation>第 %1 行：%2未导入任何数据。</translation>
    </message>
    <message>
        <source>%1: rows %2 name each other as parents.</source>
        <translation>%1：第 %2 行互为上级，无法确定层级关系。</translation>
    </message>
</context>
<context>
    <name>ud::OrganisationImportDialog</name>
    <message>
        <source>Import unions</source>
        <translation>导入工会组织</translation>
    </message>
    <message>
        <source>&lt;p&gt;%1: unions to add under &lt;b&gt;%2&lt;/b&gt; (or under the parents the file names): &lt;b&gt;%3&lt;/b&gt;; already in the tree and left as they are: %4; rows not imported: &lt;b&gt;%5&lt;/b&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;%1：将添加到 &lt;b&gt;%2&lt;/b&gt; 下（或文件中指定的上级工会下）的工会：&lt;b&gt;%3&lt;/b&gt; 个；组织树中已有、保持不变的工会：%4 个；未导入的行：&lt;b&gt;%5&lt;/b&gt; 行。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Add the unions (%1)</source>
        <translation>添加工会(&amp;A)（%1 个）</translation>
    </message>
</context>
<context>
    <name>ud::OrganisationPage</name>
    <message>
        <source>Set &amp;up a union under it…</source>
        <translation>设立下级工会(&amp;U)…</translation>
    </message>
    <message>
        <source>Request to set up a new union under this organisation (设立)</source>
        <translation>申请在本组织下设立新的工会</translation>
    </message>
    <message>
        <source>Request a &amp;change…</source>
        <translation>申请变更(&amp;C)…</translation>
    </message>
    <message>
        <source>Request a change to this organisation&apos;s details (变更)</source>
        <translation>申请变更本组织的登记信息</translation>
    </message>
    <message>
        <source>Request to dissolve this organisation (注销)</source>
        <translation>申请注销本组织</translation>
    </message>
    <message>
        <source>&amp;Add cadre…</source>
        <translation>添加工会干部(&amp;A)…</translation>
    </message>
    <message>
        <source>Add a cadre to the committee</source>
        <translation>向委员会添加工会干部</translation>
    </message>
    <message>
        <source>&amp;End term…</source>
        <translation>结束任期(&amp;E)…</translation>
    </message>
    <message>
        <source>End the selected cadre&apos;s term of office today</source>
        <translation>以今天为离任日期，结束所选工会干部的任期</translation>
    </message>
    <message>
        <source>Show ended &amp;terms</source>
        <translation>显示已结束的任期(&amp;T)</translation>
    </message>
    <message>
        <source>Committee</source>
        <translation>委员会</translation>
    </message>
    <message>
        <source>A&amp;pprove…</source>
        <translation>批准(&amp;P)…</translation>
    </message>
    <message>
        <source>Approve the selected request</source>
        <translation>批准所选申请</translation>
    </message>
    <message>
        <source>&amp;Reject…</source>
        <translation>驳回(&amp;R)…</translation>
    </message>
    <message>
        <source>Reject the selected request, with a reason</source>
        <translation>驳回所选申请并说明理由</translation>
    </message>
    <message>
        <source>&amp;Withdraw</source>
        <translation>撤回(&amp;W)</translation>
    </message>
    <message>
        <source>Take back the selected request before it is decided</source>
        <translation>在审批前撤回所选申请</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>申请</translation>
    </message>
    <message>
        <source>Double-click a union to open it</source>
        <translation>双击工会即可打开</translation>
    </message>
    <message>
        <source>Unions under it</source>
        <translation>下级工会</translation>
    </message>
    <message>
        <source>Requests (%1 open)</source>
        <translation>申请（%1 件待审批）</translation>
    </message>
    <message>
        <source>Requests (%1)</source>
        <translation>申请（%1）</translation>
    </message>
    <message>
        <source>Unions under it (%1)</source>
        <translation>下级工会（%1）</translation>
    </message>
    <message>
        <source>Cadres to check (the member record no longer fits the post): %1</source>
        <translation>需核查的工会干部（会员记录已与职务不符）：%1 名</translation>
    </message>
    <message>
        <source>Committee (%1)</source>
        <translation>委员会（%1）</translation>
    </message>
    <message>
        <source>A request about this organisation is already awaiting a decision.</source>
        <translation>关于本组织的申请正在等待审批。</translation>
    </message>
    <message>
        <source>The request was submitted. Nothing changes until a level above approves it.</source>
        <translation>申请已提交。须经上级工会批准后才会生效。</translation>
    </message>
    <message>
        <source>The request was approved.</source>
        <translation>申请已批准。</translation>
    </message>
    <message>
        <source>The request was rejected.</source>
        <translation>申请已驳回。</translation>
    </message>
    <message>
        <source>Withdraw the request</source>
        <translation>撤回申请</translation>
    </message>
    <message>
        <source>Withdraw this request? It stays in the history as withdrawn.</source>
        <translation>要撤回该申请吗？该申请将以“已撤回”状态保留在记录中。</translation>
    </message>
    <message>
        <source>The request was withdrawn.</source>
        <translation>申请已撤回。</translation>
    </message>
    <message>
        <source>%1 was added to the committee.</source>
        <translation>已将 %1 添加到委员会。</translation>
    </message>
    <message>
        <source>End the term</source>
        <translation>结束任期</translation>
    </message>
    <message>
        <source>End the term of %1 as %2 today (%3)?</source>
        <translation>要在今天（%3）结束 %1 的%2任期吗？</translation>
    </message>
    <message>
        <source>The term of %1 ended on %2.</source>
        <translation>%1 的任期已于 %2 结束。</translation>
    </message>
    <message>
        <source>Request &amp;dissolution…</source>
        <translation>申请注销(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Import unions…</source>
        <translation>导入工会组织(&amp;I)…</translation>
    </message>
    <message>
        <source>Add the unions of a list (.xlsx, .xls, .ods, .csv) under this one</source>
        <translation>将名单文件（.xlsx、.xls、.ods、.csv）中的工会添加为本工会的下级工会</translation>
    </message>
    <message>
        <source>E&amp;xport the tree…</source>
        <translation>导出组织树(&amp;X)…</translation>
    </message>
    <message>
        <source>Write this union and every union under it to .xlsx or .csv</source>
        <translation>将本工会及其全部下级工会导出为 .xlsx 或 .csv 文件</translation>
    </message>
    <message>
        <source>Import unions</source>
        <translation>导入工会组织</translation>
    </message>
    <message>
        <source>Lists of unions (*.xlsx *.xls *.ods *.csv *.txt)</source>
        <translation>工会名单 (*.xlsx *.xls *.ods *.csv *.txt)</translation>
    </message>
    <message>
        <source>Export the tree</source>
        <translation>导出组织树</translation>
    </message>
    <message>
        <source>%1 unions.xlsx</source>
        <translation>%1及下级工会.xlsx</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);; CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Unions added: %1.</source>
        <translation>已添加工会：%1 个。</translation>
    </message>
    <message>
        <source>Unions written to %1: %2.</source>
        <translation>已导出到 %1：共 %2 个工会。</translation>
    </message>
    <message>
        <source>Password to open</source>
        <translation>打开密码</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
</context>
<context>
    <name>ud::OrganisationRepository</name>
    <message>
        <source>Organisation name: it must not be empty.</source>
        <translation>工会组织名称：不能为空。</translation>
    </message>
    <message>
        <source>This data file already has a root organisation.</source>
        <translation>此数据文件已有顶级工会组织。</translation>
    </message>
    <message>
        <source>Parent organisation: it does not exist or is outside your organisation.</source>
        <translation>上级工会组织：该组织不存在，或不在您所管理的范围内。</translation>
    </message>
    <message>
        <source>Organisation: no organisation &quot;%1&quot; in your organisation&apos;s tree.</source>
        <translation>工会组织：您管理的组织树中没有“%1”。</translation>
    </message>
    <message>
        <source>Parent organisation: %1 is dissolved; no union can be set up under it.</source>
        <translation>上级工会组织：%1 已注销，不能在其下设立工会。</translation>
    </message>
    <message>
        <source>Organisation: it does not exist or is outside your organisation.</source>
        <translation>工会组织：该组织不存在，或不在您所管理的范围内。</translation>
    </message>
    <message>
        <source>Organisation: more than one organisation is named &quot;%1&quot;; use its id, or put its parent&apos;s name before it (上级工会/%1).</source>
        <translation>工会组织：有多个名为“%1”的组织，请改用其编号，或在前面加上上级工会的名称（上级工会/%1）。</translation>
    </message>
</context>
<context>
    <name>ud::OrganisationRequestDialog</name>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Level:</source>
        <translation>层级(&amp;L)：</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>（未设置）</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>18 characters; union codes begin with 81 or 89</source>
        <translation>18 位，工会代码以 81 或 89 开头</translation>
    </message>
    <message>
        <source>Unified social &amp;credit code:</source>
        <translation>统一社会信用代码(&amp;C)：</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>如 2024-01-31</translation>
    </message>
    <message>
        <source>Legal-person &amp;registration date:</source>
        <translation>法人资格登记日期(&amp;R)：</translation>
    </message>
    <message>
        <source>Date &amp;founded:</source>
        <translation>成立日期(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <source>Contact person and telephone</source>
        <translation>联系人及电话</translation>
    </message>
    <message>
        <source>C&amp;ontact:</source>
        <translation>联系人(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Industry:</source>
        <translation>所属行业(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Headcount (employees):</source>
        <translation>职工人数(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Submit request</source>
        <translation>提交申请(&amp;S)</translation>
    </message>
    <message>
        <source>The organisation no longer exists or is outside your organisation.</source>
        <translation>该工会组织已不存在，或不在您所管理的范围内。</translation>
    </message>
    <message>
        <source>Set up a union under %1</source>
        <translation>在 %1 下设立工会</translation>
    </message>
    <message>
        <source>Request to set up a new union under %1. The union is created when a level above approves the request.</source>
        <translation>申请在 %1 下设立新的工会。经上级工会批准后才会建立该工会。</translation>
    </message>
    <message>
        <source>Request a change to %1</source>
        <translation>申请变更 %1</translation>
    </message>
    <message>
        <source>Change the fields that have changed. Nothing changes in %1 until a level above approves the request.</source>
        <translation>请修改有变化的项目。在上级工会批准申请之前，%1 的信息不会改变。</translation>
    </message>
    <message>
        <source>This is a valid code, but not a union&apos;s (81… or 89…).</source>
        <translation>代码有效，但不是工会的代码（工会代码以 81… 或 89… 开头）。</translation>
    </message>
    <message>
        <source>Legal-person certificate n&amp;umber:</source>
        <translation>法人资格证书编号(&amp;U)：</translation>
    </message>
    <message>
        <source>R&amp;eason for the request:</source>
        <translation>申请理由(&amp;E)：</translation>
    </message>
</context>
<context>
    <name>ud::OrganisationRequestModel</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>; </source>
        <extracomment>Separates the fields of a request&apos;s proposal</extracomment>
        <translation>；</translation>
    </message>
    <message>
        <source>%1 (new, under %2)</source>
        <extracomment>The union a set-up request would create, under its parent</extracomment>
        <translation>%1（新设立，上级为 %2）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>When and by whom a request was submitted or decided</extracomment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>申请类型</translation>
    </message>
    <message>
        <source>Union</source>
        <translation>工会</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>审批</translation>
    </message>
    <message>
        <source>Reason given</source>
        <translation>申请理由</translation>
    </message>
    <message>
        <source>Reason for the decision</source>
        <translation>审批意见</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>申请内容</translation>
    </message>
</context>
<context>
    <name>ud::OrganisationRequestRepository</name>
    <message>
        <source>Parent organisation: it does not exist or is outside your organisation.</source>
        <translation>上级工会组织：该组织不存在，或不在您所管理的范围内。</translation>
    </message>
    <message>
        <source>Parent organisation: %1 is dissolved; no union can be set up under it.</source>
        <translation>上级工会组织：%1 已注销，不能在其下设立工会。</translation>
    </message>
    <message>
        <source>Organisation name: %1 already has a union named %2.</source>
        <translation>工会组织名称：%1 下已有名为 %2 的工会。</translation>
    </message>
    <message>
        <source>Organisation name: a request to set up %1 under %2 is already awaiting a decision.</source>
        <translation>工会组织名称：在 %2 下设立 %1 的申请正在等待审批。</translation>
    </message>
    <message>
        <source>Organisation: it does not exist or is outside your organisation.</source>
        <translation>工会组织：该组织不存在，或不在您所管理的范围内。</translation>
    </message>
    <message>
        <source>Organisation: %1 is dissolved.</source>
        <translation>工会组织：%1 已注销。</translation>
    </message>
    <message>
        <source>Change request: &quot;%1&quot; is not a field a request can change.</source>
        <translation>变更申请：“%1”不是可通过申请变更的字段。</translation>
    </message>
    <message>
        <source>Change request: it changes nothing in %1.</source>
        <translation>变更申请：未对 %1 作任何变更。</translation>
    </message>
    <message>
        <source>Organisation: a request about %1 is already awaiting a decision.</source>
        <translation>工会组织：关于 %1 的申请正在等待审批。</translation>
    </message>
    <message>
        <source>Organisation: %1 is already dissolved.</source>
        <translation>工会组织：%1 已经注销。</translation>
    </message>
    <message>
        <source>Request: there is no request %1 in your organisation&apos;s tree.</source>
        <translation>申请：您管理的组织树中没有申请 %1。</translation>
    </message>
    <message>
        <source>Request: it has already been decided (%1).</source>
        <translation>申请：该申请已审批（%1）。</translation>
    </message>
    <message>
        <source>Request: it was submitted by %1; only a level above it may approve or reject it.</source>
        <translation>申请：该申请由 %1 提交，只有其上级组织可以批准或驳回。</translation>
    </message>
    <message>
        <source>Organisation name: a union named %1 already exists there.</source>
        <translation>工会组织名称：该处已有名为 %1 的工会。</translation>
    </message>
</context>
<context>
    <name>ud::OrganisationSearchBox</name>
    <message>
        <source>Find a union by name or credit code</source>
        <translation>按名称或统一社会信用代码查找工会</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <extracomment>A search match: the union&apos;s name, then its credit code or level</extracomment>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>ud::OrganisationSummary</name>
    <message>
        <source>Details</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <source>Unified social credit code:</source>
        <translation>统一社会信用代码：</translation>
    </message>
    <message>
        <source>Legal-person certificate:</source>
        <translation>法人资格证书编号：</translation>
    </message>
    <message>
        <source>Legal-person registration date:</source>
        <translation>法人资格登记日期：</translation>
    </message>
    <message>
        <source>Date founded:</source>
        <translation>成立日期：</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <source>Contact:</source>
        <translation>联系人及电话：</translation>
    </message>
    <message>
        <source>Industry:</source>
        <translation>所属行业：</translation>
    </message>
    <message>
        <source>Headcount (employees):</source>
        <translation>职工人数：</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Members and cadres, with the unions under it</source>
        <translation>会员和工会干部（含下级工会）</translation>
    </message>
    <message>
        <source>Active members:</source>
        <translation>在会会员：</translation>
    </message>
    <message>
        <source>Real-name verified:</source>
        <translation>已实名认证：</translation>
    </message>
    <message>
        <source>New-employment-form workers:</source>
        <translation>新就业形态劳动者：</translation>
    </message>
    <message>
        <source>Cadres in post:</source>
        <translation>在任工会干部：</translation>
    </message>
    <message>
        <source>under %1</source>
        <translation>上级：%1</translation>
    </message>
    <message>
        <source> · </source>
        <extracomment>Separates the level, kind and parent under the organisation&apos;s name</extracomment>
        <translation> · </translation>
    </message>
    <message>
        <source>%1 of %2 (%3%)</source>
        <translation>%1 / %2（%3%）</translation>
    </message>
    <message>
        <source>%1:</source>
        <extracomment>A count of members by membership status, e.g. &quot;Retained:&quot;</extracomment>
        <translation>%1：</translation>
    </message>
</context>
<context>
    <name>ud::OrganisationTreeModel</name>
    <message>
        <source>Organisation</source>
        <translation>工会组织</translation>
    </message>
    <message>
        <source>%1
%2, dissolved</source>
        <translation>%1
%2，已注销</translation>
    </message>
    <message>
        <source>%1
%2
Active members, with the unions under it: %3</source>
        <translation>%1
%2
在会会员（含下级工会）：%3</translation>
    </message>
    <message>
        <source>Active members</source>
        <translation>在会会员</translation>
    </message>
</context>
<context>
    <name>ud::OrganisationValidator</name>
    <message>
        <source>Organisation name: it must not be empty.</source>
        <translation>工会组织名称：不能为空。</translation>
    </message>
    <message>
        <source>Date founded: &quot;%1&quot; is not a date (YYYY-MM-DD).</source>
        <translation>成立日期：“%1”不是日期（YYYY-MM-DD）。</translation>
    </message>
    <message>
        <source>Legal-person registration date: &quot;%1&quot; is not a date (YYYY-MM-DD).</source>
        <translation>法人资格登记日期：“%1”不是日期（YYYY-MM-DD）。</translation>
    </message>
    <message>
        <source>Headcount: it must not be negative.</source>
        <translation>职工人数：不能为负数。</translation>
    </message>
    <message>
        <source>Organisation status: &quot;%1&quot; is not a known status.</source>
        <translation>组织状态：“%1”不是已知的状态。</translation>
    </message>
    <message>
        <source>Organisation name</source>
        <translation>工会组织名称</translation>
    </message>
    <message>
        <source>Organisation level</source>
        <translation>组织层级</translation>
    </message>
    <message>
        <source>Organisation kind</source>
        <translation>组织类型</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Date founded</source>
        <translation>成立日期</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人及电话</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>所属行业</translation>
    </message>
    <message>
        <source>Headcount</source>
        <translation>职工人数</translation>
    </message>
    <message>
        <source>Organisation status</source>
        <translation>组织状态</translation>
    </message>
    <message>
        <source>Legal-person certificate number</source>
        <translation>法人资格证书编号</translation>
    </message>
    <message>
        <source>Legal-person registration date</source>
        <translation>法人资格登记日期</translation>
    </message>
    <message>
        <source>Organisation level: &quot;%1&quot; is not a known level (%2).</source>
        <translation>组织层级：“%1”不是已知的层级（可选：%2）。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Organisation kind: &quot;%1&quot; is not a known kind (%2).</source>
        <translation>组织类别：“%1”不是已知的类别（可选：%2）。</translation>
    </message>
</context>
<context>
    <name>ud::PdfTextLayer</name>
    <message>
        <source>the PDF has no text layer to check.</source>
        <translation>PDF 中没有可供核对的文本层。</translation>
    </message>
    <message>
        <source>the PDF uses more than one font; its text layer cannot be checked.</source>
        <translation>PDF 使用了多种字体，无法核对其文本层。</translation>
    </message>
    <message>
        <source>the text layer of the PDF is not laid out as expected.</source>
        <translation>PDF 文本层的结构与预期不符。</translation>
    </message>
    <message>
        <source>the PDF&apos;s text layer maps a glyph to U+%1, which the letter does not contain.</source>
        <translation>PDF 文本层将某个字形对应到 U+%1，但介绍信中没有该字符。</translation>
    </message>
    <message>
        <source>the glyphs in the PDF do not match the letter&apos;s characters.</source>
        <translation>PDF 中的字形与介绍信的文字不一致。</translation>
    </message>
    <message>
        <source>the PDF has no trailer.</source>
        <translation>PDF 缺少文件尾（trailer）。</translation>
    </message>
</context>
<context>
    <name>ud::PersonName</name>
    <message>
        <source>Name: nothing was entered.</source>
        <translation>姓名：未填写。</translation>
    </message>
    <message>
        <source>Name: %1 is not allowed in a name.</source>
        <translation>姓名：不能有%1。</translation>
    </message>
    <message>
        <source>Name: %1 is a radical that only looks like a Chinese character (text copied from a PDF often has them); please retype it.</source>
        <translation>姓名：%1 是部首，只是外形与汉字相同（从 PDF 复制的文字中常见），请重新输入该字。</translation>
    </message>
    <message>
        <source>Name: the middle dot · cannot begin or end a name.</source>
        <translation>姓名：间隔号“·”不能出现在开头或结尾。</translation>
    </message>
    <message>
        <source>Name: the middle dot · cannot appear twice in a row.</source>
        <translation>姓名：间隔号“·”不能连续出现。</translation>
    </message>
    <message>
        <source>Name: it has %1 characters; at most %2 are allowed.</source>
        <translation>姓名：共 %1 个字符，最多允许 %2 个。</translation>
    </message>
    <message>
        <source>Name: “%1” in brackets is a note, not part of the name; write the name alone and the note in 备注 (or as the membership status, as for 已故).</source>
        <translation>姓名：括号中的“%1”是说明，不是姓名的一部分；姓名栏只填姓名，说明请写在备注中（已故等情况请填在会籍状态中）。</translation>
    </message>
    <message>
        <source>Name: a character in it (%1) was made up by an input method on one computer (a private-use character): other computers, the server and printed forms cannot show it. Type the standard character (rare characters are in the input method&apos;s 生僻字 list); if there is none, use a character that sounds the same and say so in 备注.</source>
        <translation>姓名：其中有一个字（%1）是某台电脑上输入法自造的字（私用区字符），其他电脑、服务器和打印的表格都显示不出来。请改为输入标准汉字（生僻字可在输入法的生僻字列表中找到）；如确实没有，请用同音字代替，并在备注中说明。</translation>
    </message>
    <message>
        <source>Name: %1 describes how a character is built (拆字) and is not a character itself. Type the character (rare characters are in the input method&apos;s 生僻字 list); if there is none, use a character that sounds the same and describe it in 备注.</source>
        <translation>姓名：%1 是描述汉字结构的拆字符号，不是汉字本身。请输入该字（生僻字可在输入法的生僻字列表中找到）；如确实没有，请用同音字代替，并在备注中描述该字。</translation>
    </message>
    <message>
        <source>Name: &quot;?&quot; stands in for a character the file could not hold: a roster saved as ANSI (GBK) text, as Excel&apos;s &quot;CSV (逗号分隔)&quot; saves it, turns a rare character (生僻字) into ?. Save the roster as &quot;CSV UTF-8 (逗号分隔)&quot; or as .xlsx and import it again, or type the character in.</source>
        <translation>姓名：“?”代替了文件无法保存的字：花名册以 ANSI（GBK）文本保存时（Excel 的“CSV（逗号分隔）”就是这样保存的），生僻字会变成“?”。请把花名册另存为“CSV UTF-8（逗号分隔）”或 .xlsx 后重新导入，或补上该字。</translation>
    </message>
</context>
<context>
    <name>ud::RequestDecisionDialog</name>
    <message>
        <source>Approve a request</source>
        <translation>批准申请</translation>
    </message>
    <message>
        <source>Reject a request</source>
        <translation>驳回申请</translation>
    </message>
    <message>
        <source>&amp;Reason (optional):</source>
        <translation>审批意见（选填）(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>批准(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>驳回(&amp;R)</translation>
    </message>
    <message>
        <source>The request no longer exists or is outside your organisation.</source>
        <translation>该申请已不存在，或不在您所管理的范围内。</translation>
    </message>
    <message>
        <source>The request has already been decided (%1).</source>
        <translation>该申请已审批（%1）。</translation>
    </message>
    <message>
        <source>Set up %1 under %2</source>
        <translation>在 %2 下设立 %1</translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>变更 %1</translation>
    </message>
    <message>
        <source>Dissolve %1</source>
        <translation>注销 %1</translation>
    </message>
    <message>
        <source>Submitted by %1 (%2) on %3</source>
        <translation>提交人：%1（%2），提交日期：%3</translation>
    </message>
    <message>
        <source>Reason given: %1</source>
        <translation>申请理由：%1</translation>
    </message>
    <message>
        <source>Rea&amp;son for rejecting:</source>
        <translation>驳回理由(&amp;S)：</translation>
    </message>
</context>
<context>
    <name>ud::RootOrganisationDialog</name>
    <message>
        <source>Your trade union</source>
        <translation>您的工会</translation>
    </message>
    <message>
        <source>This data file is new. Enter the name of your trade union: it becomes the top of the organisation tree, and every member you enter belongs to it or to an organisation under it.</source>
        <translation>这是一个新的数据文件。请输入您所在工会的名称：它将作为工会组织树的最上级，您录入的每一名会员都属于该工会或其下级工会组织。</translation>
    </message>
    <message>
        <source>e.g. Trade union of Example Co., Ltd.</source>
        <translation>如：某某有限公司工会</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Level:</source>
        <translation>层级(&amp;L)：</translation>
    </message>
    <message>
        <source>Does your union have an account on the trade union&apos;s server? Then connect to it instead: this data file receives your organisation and everything under it from the server.</source>
        <translation>您的工会在工会服务器上已有账号吗？如有，请改为连接服务器：本数据文件将从服务器接收您的工会组织及其下级的全部数据。</translation>
    </message>
    <message>
        <source>Connect to a &amp;server instead…</source>
        <translation>改为连接服务器(&amp;S)…</translation>
    </message>
</context>
<context>
    <name>ud::RosterExport</name>
    <message>
        <source>Organisation</source>
        <translation>所在工会</translation>
    </message>
    <message>
        <source>%1: give the file the suffix .xlsx or .csv.</source>
        <translation>%1：文件扩展名须为 .xlsx 或 .csv。</translation>
    </message>
    <message>
        <source>The organisation is outside your organisation.</source>
        <translation>该组织不在本工会管辖范围内。</translation>
    </message>
    <message>
        <source>The export cannot be written to the audit log: %1</source>
        <translation>无法将本次导出写入审计日志：%1</translation>
    </message>
    <message>
        <source>Member roster</source>
        <translation>会员花名册</translation>
    </message>
    <message>
        <source>%1 member roster</source>
        <translation>%1会员花名册</translation>
    </message>
    <message>
        <source>Exported %1%2</source>
        <translation>导出日期：%1%2</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>花名册</translation>
    </message>
    <message>
        <source>%1: the file cannot be created.</source>
        <translation>%1：无法创建文件。</translation>
    </message>
    <message>
        <source>%1: the workbook cannot be written (%2).</source>
        <translation>%1：无法写入工作簿（%2）。</translation>
    </message>
    <message>
        <source>%1: the file cannot be created (%2).</source>
        <translation>%1：无法创建文件（%2）。</translation>
    </message>
    <message>
        <source>%1: the file cannot be written (%2).</source>
        <translation>%1：无法写入文件（%2）。</translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation>填写说明</translation>
    </message>
    <message>
        <source>How to fill in this roster</source>
        <translation>花名册填写说明</translation>
    </message>
    <message>
        <source>1. One member per row, from row 3 on; do not change the header row.</source>
        <translation>1. 从第 3 行起每行填写一名会员，请勿修改表头行。</translation>
    </message>
    <message>
        <source>2. Name and ID number are required; the ID number column is formatted as text: type the 18 characters as they are on the card.</source>
        <translation>2. 姓名和证件号码为必填项；证件号码列已设为文本格式，请按证件原样输入 18 位号码。</translation>
    </message>
    <message>
        <source>3. Never paste ID numbers from a column formatted as a number: Excel keeps only 15 digits and such rows are refused.</source>
        <translation>3. 切勿从数字格式的列中粘贴证件号码：Excel 只保留 15 位有效数字，这样的行将被拒绝导入。</translation>
    </message>
    <message>
        <source>4. Dates as 2020-01-05 or 2020年1月5日.</source>
        <translation>4. 日期请写成 2020-01-05 或 2020年1月5日。</translation>
    </message>
    <message>
        <source>5. Gender, education, political status, employment form, household registration and status: choose from the drop-down list.</source>
        <translation>5. 性别、学历、政治面貌、就业形态、户籍类型和会籍状态请从下拉列表中选择。</translation>
    </message>
    <message>
        <source>6. Rows with problems are listed before anything is imported; fix them and import the file again.</source>
        <translation>6. 导入前会列出有问题的行，请改正后重新导入该文件。</translation>
    </message>
    <message>
        <source>There is no column &quot;%1&quot; to export.</source>
        <translation>没有名为“%1”的列，无法导出。</translation>
    </message>
    <message>
        <source>%1: the import template is a workbook; give the file the suffix .xlsx.</source>
        <translation>%1：导入模板是 Excel 工作簿，请使用扩展名 .xlsx。</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>; ID numbers and mobiles are masked, birth dates show the year only</source>
        <translation>；证件号码和手机号码已脱敏，出生日期只显示年份</translation>
    </message>
</context>
<context>
    <name>ud::RosterFilterText</name>
    <message>
        <source>Membership status: %1</source>
        <translation>会籍状态：%1</translation>
    </message>
    <message>
        <source>Employment form: %1</source>
        <translation>就业形态：%1</translation>
    </message>
    <message>
        <source>Only members with verified real names</source>
        <translation>仅限已实名认证的会员</translation>
    </message>
    <message>
        <source>Only members whose real names are not verified</source>
        <translation>仅限未实名认证的会员</translation>
    </message>
    <message>
        <source>Search: “%1”</source>
        <translation>搜索：“%1”</translation>
    </message>
</context>
<context>
    <name>ud::RosterImport</name>
    <message>
        <source>Sheet &quot;%1&quot; has no header row naming at least the name or the ID number column and one more (such as 姓名, 身份证号码, 手机号码).</source>
        <translation>工作表“%1”中没有可识别的表头行：表头至少应包含姓名或证件号码列以及另外一列（如姓名、身份证号码、手机号码）。</translation>
    </message>
    <message>
        <source>The file has no sheet named &quot;%1&quot;; its sheets are: %2.</source>
        <translation>文件中没有名为“%1”的工作表；现有工作表：%2。</translation>
    </message>
    <message>
        <source>No sheet of the file has a header row naming at least the name or the ID number column and one more (such as 姓名, 身份证号码, 手机号码).</source>
        <translation>文件中没有任何工作表含可识别的表头行：表头至少应包含姓名或证件号码列以及另外一列（如姓名、身份证号码、手机号码）。</translation>
    </message>
    <message>
        <source>Row %1: %2 Nothing was imported.</source>
        <translation>第 %1 行：%2未导入任何数据。</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was imported.</source>
        <translation>导入已取消，未导入任何数据。</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题清单</translation>
    </message>
    <message>
        <source>%1: the file cannot be created.</source>
        <translation>%1：无法创建文件。</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>未导入</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Column not imported</source>
        <translation>该列未导入</translation>
    </message>
    <message>
        <source>Import problems</source>
        <translation>导入问题清单</translation>
    </message>
    <message>
        <source>%1: the workbook cannot be written (%2).</source>
        <translation>%1：无法写入工作簿（%2）。</translation>
    </message>
    <message>
        <source>This is a list of import problems written by UnionDesk, not a roster. Correct the rows it names in the original roster (the row numbers are that file&apos;s), then import the original again: members already imported are skipped.</source>
        <translation>这是工会桌面通写出的导入问题清单，不是花名册。请在原花名册中改正清单列出的行（行号指原花名册的行），然后重新导入原花名册：已导入的会员会被跳过。</translation>
    </message>
    <message>
        <source>Row %1: the member with ID number %2 was added to the roster (by another import, the member form or a sync) after this file was checked. Nothing was imported: import the file again, and members already in the roster will be skipped.</source>
        <translation>第 %1 行：证件号码为 %2 的会员是在本文件检查之后才加入花名册的（另一次导入、会员录入或同步）。未导入任何数据：请重新导入本文件，已在花名册中的会员会被跳过。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
</context>
<context>
    <name>ud::RosterModel</name>
    <message>
        <source>Verified</source>
        <translation>已认证</translation>
    </message>
    <message>
        <source>Not verified</source>
        <translation>未认证</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>所属工会</translation>
    </message>
    <message>
        <source>Employment form</source>
        <translation>就业形态</translation>
    </message>
    <message>
        <source>Join date</source>
        <translation>入会日期</translation>
    </message>
    <message>
        <source>Card number</source>
        <translation>会员卡号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>会籍状态</translation>
    </message>
    <message>
        <source>Real name</source>
        <translation>实名认证</translation>
    </message>
</context>
<context>
    <name>ud::RosterView</name>
    <message>
        <source>Search name, ID number, mobile or card number</source>
        <translation>搜索姓名、证件号码、手机号码或会员卡号</translation>
    </message>
    <message>
        <source>Type part of a name, the last digits of an ID number or mobile, or a card number (Ctrl+F; Esc clears)</source>
        <translation>输入部分姓名、证件号码或手机号码的末几位，或会员卡号（Ctrl+F；按 Esc 清除）</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部会籍状态</translation>
    </message>
    <message>
        <source>Membership status</source>
        <translation>会籍状态</translation>
    </message>
    <message>
        <source>All employment forms</source>
        <translation>全部就业形态</translation>
    </message>
    <message>
        <source>Employment form</source>
        <translation>就业形态</translation>
    </message>
    <message>
        <source>Verified or not</source>
        <translation>全部认证情况</translation>
    </message>
    <message>
        <source>Real-name verified</source>
        <translation>已实名认证</translation>
    </message>
    <message>
        <source>Not verified</source>
        <translation>未实名认证</translation>
    </message>
    <message>
        <source>Real-name verification</source>
        <translation>实名认证</translation>
    </message>
    <message>
        <source>Show &amp;full numbers</source>
        <translation>显示完整号码(&amp;F)</translation>
    </message>
    <message>
        <source>Show ID numbers and mobiles in full (Ctrl+Shift+U)</source>
        <translation>完整显示证件号码和手机号码（Ctrl+Shift+U）</translation>
    </message>
    <message>
        <source>&amp;Find member</source>
        <translation>查找会员(&amp;F)</translation>
    </message>
    <message>
        <source>Search the roster (Ctrl+F)</source>
        <translation>在花名册中搜索（Ctrl+F）</translation>
    </message>
    <message>
        <source>No members match</source>
        <translation>没有符合条件的会员</translation>
    </message>
    <message>
        <source>Members: %1</source>
        <translation>会员：%1 名</translation>
    </message>
    <message>
        <source>Numbers stay masked</source>
        <translation>号码仍保持隐藏</translation>
    </message>
    <message>
        <source>Showing numbers in full must be written to the audit log, which failed.

%1</source>
        <translation>显示完整号码必须记入审计日志，但写入失败。

%1</translation>
    </message>
</context>
<context>
    <name>ud::ServerSignInDialog</name>
    <message>
        <source>Sign in to the server</source>
        <translation>登录服务器</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>服务器(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>登录名(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Sign in and sync</source>
        <translation>登录并同步</translation>
    </message>
    <message>
        <source>Server: &quot;%1&quot; is not a web address such as https://uniondesk.example.cn.</source>
        <translation>服务器：“%1”不是有效的网址，网址应类似 https://uniondesk.example.cn。</translation>
    </message>
    <message>
        <source>The password itself is not saved. Once the server accepts it, a salted hash of it is kept in the data file, so that you can sign in here without the network.</source>
        <translation>密码本身不会保存。服务器确认密码后，数据文件中会保存密码的加盐哈希值，以便您没有网络时也能在本机登录。</translation>
    </message>
</context>
<context>
    <name>ud::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>界面</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>A new language is used the next time UnionDesk starts.</source>
        <translation>更改的语言将在下次启动工会桌面通时生效。</translation>
    </message>
    <message>
        <source>You</source>
        <translation>个人信息</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>您的姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>Your changes to members are signed with this name in their history. Left empty, your computer user name is used.</source>
        <translation>您对会员信息所做的修改将以此姓名记入历史记录。留空时使用本机的用户名。</translation>
    </message>
</context>
<context>
    <name>ud::SheetReader</name>
    <message>
        <source>%1: files of this kind cannot be imported; save the roster as .xlsx, .xls, .ods or .csv.</source>
        <translation>%1：无法导入此类文件，请将花名册另存为 .xlsx、.xls、.ods 或 .csv 文件。</translation>
    </message>
    <message>
        <source>%1: the file does not exist.</source>
        <translation>%1：文件不存在。</translation>
    </message>
    <message>
        <source>%1 is a folder, not a file; name the roster file inside it.</source>
        <translation>%1 是一个文件夹，不是文件；请指定其中的花名册文件。</translation>
    </message>
    <message>
        <source>%1: the file is empty (0 bytes). Copy or download the roster again.</source>
        <translation>%1：文件是空的（0 字节）。请重新复制或下载花名册。</translation>
    </message>
    <message>
        <source>%1 is an Excel binary workbook (.xlsb), which cannot be imported. Open it in Excel or WPS and save it as .xlsx.</source>
        <translation>%1 是 Excel 二进制工作簿（.xlsb），无法导入。请用 Excel 或 WPS 打开后另存为 .xlsx 文件。</translation>
    </message>
    <message>
        <source>%1 is not a spreadsheet or text file (a Word document, a picture or an archive, say). Choose the roster workbook, or save the roster as .xlsx or .csv.</source>
        <translation>%1 不是表格或文本文件（可能是 Word 文档、图片或压缩包）。请选择花名册工作簿，或把花名册另存为 .xlsx 或 .csv 文件。</translation>
    </message>
    <message>
        <source>%1 is not a roster but the small temporary file a spreadsheet program (Excel, WPS, LibreOffice) keeps while the workbook %2 is open. Choose %2 itself.</source>
        <translation>%1 不是花名册，而是表格软件（Excel、WPS、LibreOffice）在打开工作簿“%2”时生成的临时小文件。请选择“%2”本身。</translation>
    </message>
    <message>
        <source>%1 is a single-file web page (.mht), which cannot be imported. Open it in Excel or WPS and save it as .xlsx.</source>
        <translation>%1 是单个文件网页（.mht），无法导入。请用 Excel 或 WPS 打开后另存为 .xlsx 文件。</translation>
    </message>
    <message>
        <source>%1: the file cannot be opened: you lack the permission to read it. Copy it to your Documents folder, or ask whoever looks after this computer, then import it again.</source>
        <translation>%1：无法打开文件：您没有读取它的权限。请把它复制到“文档”文件夹，或请管理这台电脑的同事处理，然后再导入。</translation>
    </message>
    <message>
        <source>%1: the file cannot be opened (%2). If it is open in another program, close it there, then import it again.</source>
        <translation>%1：无法打开文件（%2）。如果它正在其他程序中打开，请先在那里关闭，然后再导入。</translation>
    </message>
    <message>
        <source>%1: the file holds nothing but zero bytes: it is damaged (a copy or download that never finished). Copy or download the roster again.</source>
        <translation>%1：文件里全是零字节，已经损坏（复制或下载没有完成）。请重新复制或下载花名册。</translation>
    </message>
    <message>
        <source>%1 is a workbook of Excel 4.0 or earlier (from before 1995), which cannot be imported. Open it in Excel, WPS or LibreOffice and save it as .xlsx.</source>
        <translation>%1 是 Excel 4.0 或更早版本（1995 年以前）的工作簿，无法导入。请用 Excel、WPS 或 LibreOffice 打开后另存为 .xlsx 文件。</translation>
    </message>
    <message>
        <source>%1 is an OpenDocument spreadsheet saved as a single XML file (.fods), which cannot be imported. Open it in LibreOffice or WPS and save it as .ods or .xlsx.</source>
        <translation>%1 是保存为单个 XML 文件的 OpenDocument 电子表格（.fods），无法导入。请用 LibreOffice 或 WPS 打开后另存为 .ods 或 .xlsx 文件。</translation>
    </message>
    <message>
        <source>%1 is an Apple Numbers document, which cannot be imported. In Numbers choose File &gt; Export To &gt; Excel, and import the .xlsx file.</source>
        <translation>%1 是苹果 Numbers 文稿，无法导入。请在 Numbers 中选择“文件 &gt; 导出为 &gt; Excel”，再导入导出的 .xlsx 文件。</translation>
    </message>
    <message>
        <source>%1 is a spreadsheet in an old exchange format (SYLK or DIF), which cannot be imported. Open it in Excel, WPS or LibreOffice and save it as .xlsx.</source>
        <translation>%1 是旧式交换格式（SYLK 或 DIF）的表格，无法导入。请用 Excel、WPS 或 LibreOffice 打开后另存为 .xlsx 文件。</translation>
    </message>
    <message>
        <source>%1 is a database table (dBase .dbf), which cannot be imported. Open it in Excel, WPS or LibreOffice and save it as .xlsx.</source>
        <translation>%1 是数据库表（dBase .dbf 文件），无法导入。请用 Excel、WPS 或 LibreOffice 打开后另存为 .xlsx 文件。</translation>
    </message>
    <message>
        <source>%1 is a Gnumeric workbook, which cannot be imported. Open it in Gnumeric or LibreOffice and save it as .xlsx (in Gnumeric: File &gt; Save As, Excel 2007 format).</source>
        <translation>%1 是 Gnumeric 工作簿，无法导入。请用 Gnumeric 或 LibreOffice 打开，另存为 .xlsx 文件（Gnumeric 中：文件 &gt; 另存为，选择 Excel 2007 格式）。</translation>
    </message>
    <message>
        <source>The password does not open %1. Passwords tell capital and small letters apart: check Caps Lock, and that the input method types half-width characters, then enter it again.</source>
        <translation>密码不正确，无法打开 %1。密码区分大小写：请检查大写锁定键（Caps Lock），并确认输入法处于半角状态，然后重新输入。</translation>
    </message>
    <message>
        <source>%1 is protected with a password to open it. Enter that password (the one Excel, WPS or LibreOffice asks for when the file is opened) to import it.</source>
        <translation>%1 设有打开密码。请输入该密码（即用 Excel、WPS 或 LibreOffice 打开此文件时要求输入的密码）后再导入。</translation>
    </message>
    <message>
        <source>%1: reading this workbook needs a temporary file, which could not be written in %2. Check the free disk space and that folder&apos;s permissions, then try again.</source>
        <translation>%1：读取这个工作簿需要一个临时文件，但无法在 %2 中写入。请检查磁盘剩余空间和该文件夹的权限，然后重试。</translation>
    </message>
    <message>
        <source>%1 changed while it was being read (it was saved again, cut short or removed, or the drive it is on went away). Nothing was imported: wait until the file is complete, or copy it to this computer, and import it again.</source>
        <translation>%1 在读取过程中发生了变化（被重新保存、截断或删除，或所在的磁盘已断开）。未导入任何数据：请等文件完整后，或把它复制到本机，再重新导入。</translation>
    </message>
    <message>
        <source>No file was named: give the path of the roster file.</source>
        <translation>没有指定文件：请给出花名册文件的路径。</translation>
    </message>
</context>
<context>
    <name>ud::StartupSignInDialog</name>
    <message>
        <source>Sign in – 工会桌面通 UnionDesk</source>
        <translation>登录 – 工会桌面通 UnionDesk</translation>
    </message>
    <message>
        <source>Sign in to open the data of %1.</source>
        <translation>请登录，以打开%1的数据。</translation>
    </message>
    <message>
        <source>Sign in to open this data file.</source>
        <translation>请登录，以打开本数据文件。</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>服务器：</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>登录名(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>The password is checked on this computer, so signing in works without the network; the server checks it again when the data file syncs.</source>
        <translation>密码在本机核对，因此没有网络时也能登录；数据文件同步时，服务器会再次核对密码。</translation>
    </message>
    <message>
        <source>On %1 the server refused this account&apos;s password: it may have been changed there, or the account disabled. The password last accepted on this computer still opens the data file, but it does not sync until you sign in with the current one.</source>
        <translation>服务器于 %1 拒绝了该账号的密码：可能密码已在服务器上修改，或该账号已被停用。本机上次核对通过的密码仍可打开数据文件，但在您用当前密码登录之前，数据文件不会同步。</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Checking the password with the server %1…</source>
        <translation>正在通过服务器 %1 核对密码…</translation>
    </message>
    <message>
        <source>The account %1 works for another organisation than this data file&apos;s. Sign in with an account of the organisation this file belongs to.</source>
        <translation>账号 %1 所属的工会组织与本数据文件的不同。请使用本数据文件所属工会组织的账号登录。</translation>
    </message>
    <message>
        <source>The login or password is wrong.</source>
        <translation>登录名或密码错误。</translation>
    </message>
    <message>
        <source>The password is wrong. (A password changed on the server can be checked only while the server can be reached: %1)</source>
        <translation>密码错误。（如果密码已在服务器上修改，须能连接服务器才能核对，目前无法连接：%1）</translation>
    </message>
    <message>
        <source>This computer knows the password of %1 only. Signing in as %2 needs the server, which cannot be reached: %3</source>
        <translation>本机只能核对 %1 的密码。以 %2 登录需要由服务器核对，但目前无法连接服务器：%3</translation>
    </message>
    <message>
        <source>This computer has not signed in to the server yet, so only the server can check the password, and it cannot be reached: %1</source>
        <translation>本机尚未登录过服务器，因此只能由服务器核对密码，但目前无法连接服务器：%1</translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong passwords. You can try again in %n second(s).</source>
        <translation>
            <numerusform>密码错误次数过多，请 %n 秒后再试。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ud::StatusDialog</name>
    <message>
        <source>Change membership status</source>
        <translation>变更会籍状态</translation>
    </message>
    <message>
        <source>New &amp;status:</source>
        <translation>新会籍状态(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Effective from:</source>
        <translation>生效日期(&amp;E)：</translation>
    </message>
    <message>
        <source>Change of employment</source>
        <translation>劳动关系变化</translation>
    </message>
    <message>
        <source>Laid off or awaiting a post</source>
        <translation>下岗待岗</translation>
    </message>
    <message>
        <source>Unemployed</source>
        <translation>失业</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>退休</translation>
    </message>
    <message>
        <source>Employer went bankrupt</source>
        <translation>企业破产</translation>
    </message>
    <message>
        <source>At the member&apos;s own request</source>
        <translation>个人要求退会</translation>
    </message>
    <message>
        <source>Expelled after a criminal conviction</source>
        <translation>因犯罪被开除</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Change status</source>
        <translation>变更会籍状态(&amp;C)</translation>
    </message>
    <message>
        <source>The member no longer exists or is outside your organisation.</source>
        <translation>该会员已不存在，或不在您所管理的工会组织范围内。</translation>
    </message>
    <message>
        <source>%1 is now: %2</source>
        <translation>%1当前的会籍状态：%2</translation>
    </message>
    <message>
        <source>Back to active</source>
        <translation>恢复在会</translation>
    </message>
    <message>
        <source>A reason is required for this change.</source>
        <translation>此项变更必须填写原因。</translation>
    </message>
    <message>
        <source>A reason is optional for this change.</source>
        <translation>此项变更可不填写原因。</translation>
    </message>
</context>
<context>
    <name>ud::StoreUpgrade</name>
    <message>
        <source>Upgrading the data file for this version of UnionDesk…
This happens once; with a large roster it can take a minute.</source>
        <translation>正在为此版本的工会桌面通升级数据文件…
只需升级一次；花名册较大时可能需要一分钟左右。</translation>
    </message>
    <message>
        <source>UnionDesk</source>
        <translation>工会桌面通</translation>
    </message>
</context>
<context>
    <name>ud::SubUnionModel</name>
    <message>
        <source>Union</source>
        <translation>工会</translation>
    </message>
    <message>
        <source>Level or kind</source>
        <translation>层级或类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Active members</source>
        <translation>在会会员</translation>
    </message>
    <message>
        <source>All members</source>
        <translation>会员总数</translation>
    </message>
    <message>
        <source>Cadres</source>
        <translation>工会干部</translation>
    </message>
</context>
<context>
    <name>ud::SyncController</name>
    <message>
        <source>Connecting to the server…</source>
        <translation>正在连接服务器…</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <source>Sending changes: %1 of %2</source>
        <translation>正在发送修改：%1/%2</translation>
    </message>
    <message>
        <source>Receiving changes: %1</source>
        <translation>正在接收修改：已接收 %1 项</translation>
    </message>
</context>
<context>
    <name>ud::SyncStatusButton</name>
    <message>
        <source>Not connected to a server</source>
        <translation>未连接服务器</translation>
    </message>
    <message>
        <source>Sync paused: sign in to sync</source>
        <translation>同步已暂停：请登录服务器</translation>
    </message>
    <message>
        <source>Changes are kept on this computer until it syncs with the server.</source>
        <translation>修改先保存在本机，与服务器同步时再发送。</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <source>Synced %1</source>
        <translation>已于 %1 同步</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <source>Last synced with %1 on %2.</source>
        <translation>上次于 %2 与服务器 %1 同步。</translation>
    </message>
    <message>
        <source>Sync failed; next try at %1</source>
        <translation>同步失败，将于 %1 重试</translation>
    </message>
    <message>
        <source>%1 to decide</source>
        <translation>%1 项待处理</translation>
    </message>
    <message>
        <source> · </source>
        <translation> · </translation>
    </message>
    <message>
        <source>The server refused the password: sign in again</source>
        <translation>服务器拒绝了密码：请重新登录</translation>
    </message>
</context>
<context>
    <name>ud::TableFileWriter</name>
    <message>
        <source>%1: the file cannot be created.</source>
        <translation>%1：无法创建文件。</translation>
    </message>
    <message>
        <source>%1: give the file the suffix .xlsx or .csv.</source>
        <translation>%1：文件扩展名须为 .xlsx 或 .csv。</translation>
    </message>
    <message>
        <source>%1: the file cannot be created (%2).</source>
        <translation>%1：无法创建文件（%2）。</translation>
    </message>
    <message>
        <source>%1: the workbook cannot be written (%2).</source>
        <translation>%1：无法写入工作簿（%2）。</translation>
    </message>
    <message>
        <source>%1: the file cannot be written (%2).</source>
        <translation>%1：无法写入文件（%2）。</translation>
    </message>
    <message>
        <source>%1: the folder %2 does not exist. Choose a folder that exists, or create it first.</source>
        <translation>%1：文件夹 %2 不存在。请选择已有的文件夹，或先创建该文件夹。</translation>
    </message>
    <message>
        <source>%1 is a folder: give the name of the file to write in it, such as %2.</source>
        <translation>%1 是一个文件夹：请给出要在其中写入的文件名，例如 %2。</translation>
    </message>
    <message>
        <source>roster.xlsx</source>
        <translation>花名册.xlsx</translation>
    </message>
    <message>
        <source>%1: %2 is a file, not a folder.</source>
        <translation>%1：%2 是一个文件，不是文件夹。</translation>
    </message>
    <message>
        <source>%1: files cannot be written in the folder %2 (no permission). Choose another folder, such as your Documents.</source>
        <translation>%1：没有权限在文件夹 %2 中写入文件。请选择其他文件夹，例如“文档”。</translation>
    </message>
    <message>
        <source>%1: the disk is full; the file was not written. Free some space, or choose another disk, and try again.</source>
        <translation>%1：磁盘已满，文件未写入（原有文件保持不变）。请腾出空间或选择其他磁盘后重试。</translation>
    </message>
    <message>
        <source>%1: the file could not be written completely (%2); nothing was changed.</source>
        <translation>%1：文件未能完整写入（%2），原有文件保持不变。</translation>
    </message>
</context>
<context>
    <name>ud::TaskProgress</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>ud::TextNormaliser</name>
    <message>
        <source>an invisible character (%1)</source>
        <translation>看不见的字符（%1）</translation>
    </message>
    <message>
        <source>%1 (a Greek or Cyrillic letter, %2)</source>
        <translation>%1（希腊或西里尔字母，%2）</translation>
    </message>
</context>
<context>
    <name>ud::TransferDecisionDialog</name>
    <message>
        <source>(named by the server at the next sync)</source>
        <translation>（下次同步时由服务器确定）</translation>
    </message>
    <message>
        <source>Approve a transfer</source>
        <translation>批准接转</translation>
    </message>
    <message>
        <source>Reject a transfer</source>
        <translation>驳回接转</translation>
    </message>
    <message>
        <source>Cancel a transfer</source>
        <translation>撤销接转</translation>
    </message>
    <message>
        <source>&amp;Reason (optional):</source>
        <translation>审批意见（选填）(&amp;R)：</translation>
    </message>
    <message>
        <source>Rea&amp;son for rejecting:</source>
        <translation>驳回理由(&amp;S)：</translation>
    </message>
    <message>
        <source>Rea&amp;son for cancelling:</source>
        <translation>撤销理由(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>批准(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>驳回(&amp;R)</translation>
    </message>
    <message>
        <source>Cancel the &amp;transfer</source>
        <translation>撤销接转(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>返回(&amp;B)</translation>
    </message>
    <message>
        <source>Transfer: it no longer exists or is outside your organisation.</source>
        <translation>接转记录：该记录已不存在，或不在您所管理的范围内。</translation>
    </message>
    <message>
        <source>%1 (ID number %2)</source>
        <translation>%1（证件号码 %2）</translation>
    </message>
    <message>
        <source>Approve the transfer of %1 from %2 to %3? The member leaves %2 and joins %3 with the history and the join date.</source>
        <translation>批准将 %1 从 %2 转至 %3 吗？该会员将离开 %2，连同历史记录和入会日期转入 %3。</translation>
    </message>
    <message>
        <source>Reject the request of %1 to take in %2? The member stays in %3.</source>
        <translation>驳回 %1 转入 %2 的申请吗？该会员仍留在 %3。</translation>
    </message>
    <message>
        <source>Cancel the transfer of %1, hung at %2? The member goes back to %3.</source>
        <translation>撤销 %1 的接转（现上挂在 %2）吗？该会员将回到 %3。</translation>
    </message>
    <message>
        <source>Cancel the request of %1 to take in %2? The member stays in %3.</source>
        <translation>撤销 %1 转入 %2 的申请吗？该会员仍留在 %3。</translation>
    </message>
    <message>
        <source>Letter number: %1</source>
        <translation>介绍信编号：%1</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>备注：%1</translation>
    </message>
    <message>
        <source>This takes effect when this computer next syncs with the server.</source>
        <translation>本机下次与服务器同步时生效。</translation>
    </message>
</context>
<context>
    <name>ud::TransferInDialog</name>
    <message>
        <source>Request a transfer in</source>
        <translation>申请转入</translation>
    </message>
    <message>
        <source>Ask to take in a person who is a member of another union. The union holding the membership approves or rejects the request; the member then moves here with the history and the join date.</source>
        <translation>申请将其他工会的会员转入本工会。由该会员会籍所在的工会批准或驳回申请；批准后，该会员连同历史记录和入会日期转入接收工会。</translation>
    </message>
    <message>
        <source>18 characters; the last may be X</source>
        <translation>18 位，末位可为 X</translation>
    </message>
    <message>
        <source>&amp;ID number:</source>
        <translation>证件号码(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Receiving union:</source>
        <translation>接收工会(&amp;R)：</translation>
    </message>
    <message>
        <source>Optional: the new employer, a contact, …</source>
        <translation>选填：新工作单位、联系人…</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <source>On the server</source>
        <translation>服务器查询结果</translation>
    </message>
    <message>
        <source>&amp;Look up again</source>
        <translation>重新查询(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Request transfer in</source>
        <translation>申请转入(&amp;R)</translation>
    </message>
    <message>
        <source>The ID number of the person to take in.</source>
        <translation>请输入要转入人员的证件号码。</translation>
    </message>
    <message>
        <source>A valid ID number (15 digits, read as %1).</source>
        <translation>证件号码有效（15 位旧号码，按 %1 处理）。</translation>
    </message>
    <message>
        <source>A valid ID number.</source>
        <translation>证件号码有效。</translation>
    </message>
    <message>
        <source>When the ID number is complete, the server is asked who holds the membership.</source>
        <translation>证件号码输入完整后，将向服务器查询其会籍所在的工会。</translation>
    </message>
    <message>
        <source>Not connected: the request will be checked by the server at the next sync.</source>
        <translation>未连接服务器：服务器将在下次同步时核查该申请。</translation>
    </message>
    <message>
        <source>Asking the server who holds the membership of %1…</source>
        <translation>正在向服务器查询 %1 的会籍所在工会…</translation>
    </message>
    <message>
        <source>%1 is a member of %2</source>
        <translation>%1 是 %2 的会员</translation>
    </message>
    <message>
        <source> since %1</source>
        <translation>，%1 入会</translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation>（%1）</translation>
    </message>
    <message>
        <source>. Check that this is the person before you request the transfer.</source>
        <translation>。请确认是此人后再申请转入。</translation>
    </message>
    <message>
        <source>No member on the server has the ID number %1: there is nobody to transfer in. Add the person as a new member instead (Member ▸ New member).</source>
        <translation>服务器上没有证件号码为 %1 的会员，无法办理转入。请改为新增会员（“会员 ▸ 新增会员”）。</translation>
    </message>
    <message>
        <source>The server could not be asked: %1
You can still send the request: the server checks it at the next sync.</source>
        <translation>无法向服务器查询：%1
仍可提交申请，服务器将在下次同步时核查。</translation>
    </message>
</context>
<context>
    <name>ud::TransferLetter</name>
    <message>
        <source>%1: the letter cannot be written: %2</source>
        <translation>%1：无法生成介绍信：%2</translation>
    </message>
    <message>
        <source>%1: the file cannot be created (%2).</source>
        <translation>%1：无法创建文件（%2）。</translation>
    </message>
    <message>
        <source>%1: the PDF cannot be started.</source>
        <translation>%1：无法开始生成 PDF。</translation>
    </message>
    <message>
        <source>%1: the character %2 in &quot;%3&quot; cannot be printed: the font %4 has no glyph for it.</source>
        <translation>%1：“%3”中的字符 %2 无法打印：字体 %4 中没有该字的字形。</translation>
    </message>
    <message>
        <source>Installing the package %1 may help.</source>
        <translation>安装软件包 %1 或可解决。</translation>
    </message>
    <message>
        <source>%1: the file cannot be written (%2).</source>
        <translation>%1：无法写入文件（%2）。</translation>
    </message>
</context>
<context>
    <name>ud::TransferLetterOutput</name>
    <message>
        <source>The letter of a request is issued by the union holding the member once it approves.</source>
        <translation>转入申请的介绍信由会员会籍所在的工会在批准后开具。</translation>
    </message>
    <message>
        <source>The transfer is %1: the member is not on her way anywhere, so there is no letter.</source>
        <translation>该接转为“%1”状态，会员不在接转途中，因此没有介绍信。</translation>
    </message>
    <message>
        <source>The letter with the full ID number was not saved: the audit log cannot be written (%1).</source>
        <translation>未保存含完整证件号码的介绍信：无法写入审计日志（%1）。</translation>
    </message>
    <message>
        <source>The letter with the full ID number cannot be printed: the audit log cannot be written (%1).</source>
        <translation>无法打印含完整证件号码的介绍信：无法写入审计日志（%1）。</translation>
    </message>
    <message>
        <source>Print transfer letter %1</source>
        <translation>打印介绍信 %1</translation>
    </message>
    <message>
        <source>Save transfer letter as PDF</source>
        <translation>将介绍信保存为 PDF</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ud::TransferListModel</name>
    <message>
        <source>%1 (pending)</source>
        <extracomment>A transfer&apos;s state while the step waits for the next sync</extracomment>
        <translation>%1（待同步）</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n month(s))</source>
        <extracomment>When a member was hung, and for how many whole months she has been</extracomment>
        <translation>
            <numerusform>%1（%n 个月）</numerusform>
        </translation>
    </message>
    <message>
        <source>Pending</source>
        <extracomment>A step not yet sent to the server</extracomment>
        <translation>待同步</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>From</source>
        <translation>转出工会</translation>
    </message>
    <message>
        <source>Held by</source>
        <translation>会籍所在工会</translation>
    </message>
    <message>
        <source>To</source>
        <translation>转入工会</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>发起日期</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
</context>
<context>
    <name>ud::TransferMenu</name>
    <message>
        <source>Transfer &amp;out…</source>
        <translation>转出(&amp;O)…</translation>
    </message>
    <message>
        <source>The selected member leaves the union: hung at the level above, sent to another union, or the membership kept (转出)</source>
        <translation>为所选会员办理转出：上挂至上级工会、直接转至其他工会，或保留会籍</translation>
    </message>
    <message>
        <source>Request transfer &amp;in…</source>
        <translation>申请转入(&amp;I)…</translation>
    </message>
    <message>
        <source>Ask to take in a person who is a member of another union (转入)</source>
        <translation>申请将其他工会的会员转入</translation>
    </message>
    <message>
        <source>&amp;Transfers…</source>
        <translation>会员接转(&amp;T)…</translation>
    </message>
    <message>
        <source>Transfers in and out: approve, reject, cancel, print letters; members hung for months</source>
        <translation>会员转入和转出：批准、驳回、撤销，打印介绍信；查看长期上挂的会员</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>The membership is kept (保留会籍).</source>
        <translation>已保留会籍。</translation>
    </message>
    <message>
        <source>The request to take in %1 was written as %2. The server checks it at the next sync; follow it in Member ▸ Transfers.</source>
        <translation>已登记转入申请 %2（证件号码 %1）。服务器将在下次同步时核查，可在“会员 ▸ 会员接转”中跟踪办理情况。</translation>
    </message>
    <message>
        <source>Show transfers</source>
        <translation>查看接转记录</translation>
    </message>
</context>
<context>
    <name>ud::TransferOutDialog</name>
    <message>
        <source>Transfer out</source>
        <translation>转出会员</translation>
    </message>
    <message>
        <source>Member: the record no longer exists or is outside your organisation.</source>
        <translation>会员：该记录已不存在，或不在您所管理的范围内。</translation>
    </message>
    <message>
        <source>Transfer out – %1</source>
        <translation>转出 – %1</translation>
    </message>
    <message>
        <source>%1 (ID number %2) leaves %3.</source>
        <translation>%1（证件号码 %2）将离开 %3。</translation>
    </message>
    <message>
        <source>&amp;Hung at the union one level above (上挂)</source>
        <translation>上挂至上一级工会(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Hung at the level above (上挂): %1</source>
        <translation>上挂至上级工会(&amp;H)：%1</translation>
    </message>
    <message>
        <source>(choose the reason)</source>
        <translation>（请选择原因）</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>转出原因(&amp;R)：</translation>
    </message>
    <message>
        <source>Optional: the new employer, a telephone number, …</source>
        <translation>选填：新工作单位、联系电话…</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <source>Where the membership goes</source>
        <translation>会籍去向</translation>
    </message>
    <message>
        <source>Send straight to a &amp;union:</source>
        <translation>直接转至工会(&amp;U)：</translation>
    </message>
    <message>
        <source>A union of this data file, or the exact name of a union elsewhere (the server looks it up)</source>
        <translation>本数据文件中的工会，或其他工会的完整名称（由服务器查找）</translation>
    </message>
    <message>
        <source>&amp;Keep the membership here (保留会籍)</source>
        <translation>在本工会保留会籍(&amp;K)</translation>
    </message>
    <message>
        <source>What will happen:</source>
        <translation>办理结果：</translation>
    </message>
    <message>
        <source>Print the &amp;full ID number on the letter (recorded in the audit log)</source>
        <translation>在介绍信上打印完整证件号码（记入审计日志）(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Print letter…</source>
        <translation>打印介绍信(&amp;P)…</translation>
    </message>
    <message>
        <source>Save letter as P&amp;DF…</source>
        <translation>将介绍信保存为 PDF(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>Only a retired or unemployed member can keep the membership here.</source>
        <translation>只有退休或失业的会员才能在本工会保留会籍。</translation>
    </message>
    <message>
        <source>&amp;Keep membership</source>
        <translation>保留会籍(&amp;K)</translation>
    </message>
    <message>
        <source>Transfer &amp;out</source>
        <translation>转出(&amp;O)</translation>
    </message>
    <message>
        <source>Choose why the member leaves.</source>
        <translation>请选择转出原因。</translation>
    </message>
    <message>
        <source>%1 stays in %2 and keeps the membership (保留会籍): the status becomes &quot;%3&quot; and the change goes into the member&apos;s history. Nothing is transferred and no letter is needed.</source>
        <translation>%1 留在 %2 保留会籍：会籍状态变为“%3”，并记入该会员的历史记录。不办理接转，也不需要介绍信。</translation>
    </message>
    <message>
        <source>Choose or type the union that takes the member in.</source>
        <translation>请选择或输入接收该会员的工会。</translation>
    </message>
    <message>
        <source>%1 leaves %2 and becomes a member of %3 straight away, keeping the history and the join date.</source>
        <translation>%1 离开 %2，直接成为 %3 的会员，历史记录和入会日期保持不变。</translation>
    </message>
    <message>
        <source>%1 is not in this data file: the server looks it up by this exact name and refuses the transfer if there is no such union.</source>
        <translation>%1 不在本数据文件中：服务器将按此完整名称查找，如无此工会，将拒绝本次转出。</translation>
    </message>
    <message>
        <source>the union one level above</source>
        <translation>上一级工会</translation>
    </message>
    <message>
        <source>%1 leaves %2 and is hung (上挂) at %3 until a union takes the member in. %1 is no longer an active member of %2.</source>
        <translation>%1 离开 %2，上挂至 %3，直至有工会接收。%1 不再是 %2 的在会会员。</translation>
    </message>
    <message>
        <source>This takes effect when this computer next syncs with the server; until then the transfer shows as pending. A transfer letter (介绍信) can be printed at once.</source>
        <translation>本机下次与服务器同步时生效，在此之前该接转显示为“待同步”。介绍信可立即打印。</translation>
    </message>
    <message>
        <source>to %1</source>
        <translation>转至 %1</translation>
    </message>
    <message>
        <source>hung at %1</source>
        <translation>上挂至 %1</translation>
    </message>
    <message>
        <source>%1 is transferred out of %2, %3.
Letter number: %4

The server receives the transfer at the next sync; until then it shows as pending in Member ▸ Transfers. Print the letter now, or save it as a PDF to send.</source>
        <translation>%1 已从 %2 转出，%3。
介绍信编号：%4

服务器将在下次同步时收到本次接转，在此之前，“会员 ▸ 会员接转”中显示为“待同步”。请立即打印介绍信，或保存为 PDF 后发送。</translation>
    </message>
    <message>
        <source>Transferred out – %1</source>
        <translation>已转出 – %1</translation>
    </message>
    <message>
        <source>The letter was saved to %1.</source>
        <translation>介绍信已保存到 %1。</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
</context>
<context>
    <name>ud::TransferRepository</name>
    <message>
        <source>Transfer: give its letter number, its code or its id.</source>
        <translation>接转记录：请输入介绍信编号、编码或记录编号。</translation>
    </message>
    <message>
        <source>Transfer: there is no transfer %1 in this data file.</source>
        <translation>接转记录：本数据文件中没有接转记录 %1。</translation>
    </message>
    <message>
        <source>Transfer: &quot;%1&quot; is neither a letter number (工转字〔YYYY〕第XXXXXXXX号) nor a transfer code (at least 4 of the letters and digits that start its id).</source>
        <translation>接转记录：“%1”既不是介绍信编号（工转字〔YYYY〕第XXXXXXXX号），也不是接转编码（记录编号开头的至少 4 位字母或数字）。</translation>
    </message>
    <message>
        <source>Transfer: no transfer in this data file matches &quot;%1&quot;.</source>
        <translation>接转记录：本数据文件中没有与“%1”相符的接转记录。</translation>
    </message>
    <message>
        <source>Transfer: &quot;%1&quot; matches more than one transfer (%2 and %3); type more of its id.</source>
        <translation>接转记录：“%1”与多条接转记录相符（%2 和 %3），请多输入几位记录编号。</translation>
    </message>
    <message>
        <source>Transfer: it has no id.</source>
        <translation>接转记录：缺少记录编号。</translation>
    </message>
</context>
<context>
    <name>ud::TransferWorkflow</name>
    <message>
        <source>%1 (%2)</source>
        <extracomment>A transfer named in a message: its letter number and its state</extracomment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Member: the record no longer exists or is outside your organisation.</source>
        <translation>会员：该记录已不存在，或不在您所管理的范围内。</translation>
    </message>
    <message>
        <source>Member: %1&apos;s membership is &quot;%2&quot;; only an active or retained membership can be transferred.</source>
        <translation>会员：%1 的会籍状态为“%2”，只有在会或保留会籍的会员才能办理接转。</translation>
    </message>
    <message>
        <source>Member: %1 is being transferred by %2, which waits for the next sync.</source>
        <translation>会员：%1 正在通过 %2 办理接转，等待下次同步。</translation>
    </message>
    <message>
        <source>Member: %1 already has an open transfer, %2; it must be completed or cancelled first.</source>
        <translation>会员：%1 已有一项未办结的接转 %2，须先办结或撤销。</translation>
    </message>
    <message>
        <source>Destination: more than one union is named &quot;%1&quot;; use its id.</source>
        <translation>转入工会：有多个工会名为“%1”，请改用编号。</translation>
    </message>
    <message>
        <source>Destination: %1 is the union %2 belongs to already.</source>
        <translation>转入工会：%2 已是 %1 的会员。</translation>
    </message>
    <message>
        <source>Destination: %1 is dissolved; it cannot take members in.</source>
        <translation>转入工会：%1 已注销，不能接收会员。</translation>
    </message>
    <message>
        <source>Reason: give why the member leaves: left-job, retired, unemployed or other.</source>
        <translation>转出原因：请说明会员为何转出，可填工作变动、退休、失业或其他（left-job、retired、unemployed、other）。</translation>
    </message>
    <message>
        <source>Member: the member&apos;s organisation is not in this data file.</source>
        <translation>会员：本数据文件中没有该会员所在的工会组织。</translation>
    </message>
    <message>
        <source>Reason: the membership is kept (保留会籍) only for a member who retired or became unemployed.</source>
        <translation>转出原因：只有退休或失业的会员才能保留会籍。</translation>
    </message>
    <message>
        <source>Receiving union: it does not exist or is outside your organisation.</source>
        <translation>接收工会：该工会不存在，或不在您所管理的范围内。</translation>
    </message>
    <message>
        <source>Receiving union: %1 is dissolved; it cannot take members in.</source>
        <translation>接收工会：%1 已注销，不能接收会员。</translation>
    </message>
    <message>
        <source>ID number: %1 is already a member of %2 in this data file; there is nothing to request.</source>
        <translation>证件号码：%1 在本数据文件中已是 %2 的会员，无需申请转入。</translation>
    </message>
    <message>
        <source>ID number: a transfer of this person is already open here, %1.</source>
        <translation>证件号码：此人已有一项未办结的接转 %1。</translation>
    </message>
    <message>
        <source>Transfer %1: only a request awaiting approval can be approved or rejected.</source>
        <translation>接转 %1：只有待审批的申请才能批准或驳回。</translation>
    </message>
    <message>
        <source>the union holding the member</source>
        <translation>会员会籍所在的工会</translation>
    </message>
    <message>
        <source>Transfer %1: %2 decides it, and this data file does not hold that union%3.</source>
        <translation>接转 %1：应由 %2 审批，但本数据文件中没有该工会%3。</translation>
    </message>
    <message>
        <source> (the server names it at the next sync)</source>
        <translation>（下次同步时由服务器确定）</translation>
    </message>
    <message>
        <source>Transfer %1: only the union asking for the member or the union holding her may cancel the request.</source>
        <translation>接转 %1：只有申请转入的工会或会员会籍所在的工会才能撤销该申请。</translation>
    </message>
    <message>
        <source>Transfer %1: only the union the member left or the union holding her may cancel it.</source>
        <translation>接转 %1：只有会员转出的工会或会员会籍所在的工会才能撤销该接转。</translation>
    </message>
    <message>
        <source>Transfer %1: it is final and can no longer be cancelled.</source>
        <translation>接转 %1：已办结，不能再撤销。</translation>
    </message>
    <message>
        <source>Transfer: there is no transfer %1 in this data file.</source>
        <translation>接转记录：本数据文件中没有接转记录 %1。</translation>
    </message>
</context>
<context>
    <name>ud::TransfersWindow</name>
    <message>
        <source>Membership transfers</source>
        <translation>会员接转</translation>
    </message>
    <message>
        <source>&amp;Transfers</source>
        <translation>接转记录(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Hung members</source>
        <translation>上挂会员(&amp;H)</translation>
    </message>
    <message>
        <source>All transfers</source>
        <translation>全部接转</translation>
    </message>
    <message>
        <source>Open (hung or awaiting approval)</source>
        <translation>未办结（上挂或待审批）</translation>
    </message>
    <message>
        <source>Hung</source>
        <translation>上挂</translation>
    </message>
    <message>
        <source>Awaiting approval</source>
        <translation>待审批</translation>
    </message>
    <message>
        <source>Done (completed, rejected, cancelled, expired)</source>
        <translation>已办结（已完成、已驳回、已撤销、已过期）</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>显示(&amp;S)：</translation>
    </message>
    <message>
        <source>Name, union, or the code on the letter (e.g. 1A2B3C4D) – Enter to find</source>
        <translation>姓名、工会或介绍信上的编码（如 1A2B3C4D），按 Enter 查找</translation>
    </message>
    <message>
        <source>Type or scan the letter number, its 8-character code or the QR code to find a transfer</source>
        <translation>输入或扫描介绍信编号、8 位编码或二维码，查找接转记录</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>查找(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Approve…</source>
        <translation>批准(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Reject…</source>
        <translation>驳回(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Cancel transfer…</source>
        <translation>撤销接转(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Print letter…</source>
        <translation>打印介绍信(&amp;P)…</translation>
    </message>
    <message>
        <source>Save letter as P&amp;DF…</source>
        <translation>将介绍信保存为 PDF(&amp;D)…</translation>
    </message>
    <message>
        <source>Full &amp;ID number on the letter</source>
        <translation>介绍信上显示完整证件号码(&amp;I)</translation>
    </message>
    <message>
        <source>Prints the ID number in full; recorded in the audit log</source>
        <translation>打印完整证件号码，并记入审计日志</translation>
    </message>
    <message>
        <source>Approve the request: the member moves to the union asking</source>
        <translation>批准申请：该会员转入提出申请的工会</translation>
    </message>
    <message>
        <source>Reject the request, with a reason the other union reads</source>
        <translation>驳回申请并说明理由，理由将告知对方工会</translation>
    </message>
    <message>
        <source>Withdraw the transfer, with a reason</source>
        <translation>撤销该接转并说明理由</translation>
    </message>
    <message>
        <source>No transfers yet. Transfer a member out from the roster (Member ▸ Transfer out), or request one in (Member ▸ Request transfer in).</source>
        <translation>还没有接转记录。可在花名册中为会员办理转出（“会员 ▸ 转出”），或申请转入会员（“会员 ▸ 申请转入”）。</translation>
    </message>
    <message>
        <source>Select a transfer to see its details.</source>
        <translation>选择一条接转记录即可查看详情。</translation>
    </message>
    <message>
        <source>Letter number:</source>
        <translation>介绍信编号：</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Member:</source>
        <translation>会员：</translation>
    </message>
    <message>
        <source>%1, ID number %2</source>
        <translation>%1，证件号码 %2</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>转出工会：</translation>
    </message>
    <message>
        <source>Held by:</source>
        <translation>会籍所在工会：</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>转入工会：</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>转出原因：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Requested:</source>
        <translation>发起：</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1（经办人：%2）</translation>
    </message>
    <message>
        <source>Decided:</source>
        <translation>处理：</translation>
    </message>
    <message>
        <source>Reason given:</source>
        <translation>处理意见：</translation>
    </message>
    <message>
        <source>Pending: the server has not received the last step yet. It takes effect at the next sync.</source>
        <translation>待同步：服务器尚未收到最近一步操作，将在下次同步时生效。</translation>
    </message>
    <message>
        <source>Transfer %1 is now &quot;%2&quot;; the server receives it at the next sync.</source>
        <translation>接转 %1 现为“%2”状态，将在下次同步时发送到服务器。</translation>
    </message>
    <message>
        <source>Letter %1 was saved to %2.</source>
        <translation>介绍信 %1 已保存到 %2。</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>No transfer matches the search and the states shown.</source>
        <translation>没有符合查找条件和所选状态的接转记录。</translation>
    </message>
</context>
<context>
    <name>ud::XlsxWriter</name>
    <message>
        <source>%1: no file can be created in the folder %2 (%3).</source>
        <translation>%1：无法在文件夹 %2 中创建文件（%3）。</translation>
    </message>
    <message>
        <source>%1: the file cannot be created.</source>
        <translation>%1：无法创建文件。</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>下拉选项</translation>
    </message>
    <message>
        <source>there is not enough memory</source>
        <translation>内存不足</translation>
    </message>
    <message>
        <source>the file cannot be created: the folder may be read-only, or the disk full</source>
        <translation>无法创建文件：文件夹可能是只读的，或磁盘已满</translation>
    </message>
    <message>
        <source>the workbook could not be written completely; the disk may be full</source>
        <translation>工作簿未能完整写入，磁盘可能已满</translation>
    </message>
    <message>
        <source>two sheets would have the same name</source>
        <translation>两个工作表的名称相同</translation>
    </message>
    <message>
        <source>the workbook cannot be written (%1)</source>
        <translation>无法写入工作簿（%1）</translation>
    </message>
</context>
<context>
    <name>ud::cli::CliContext</name>
    <message>
        <source>The data file has no root organisation yet; run &quot;init --org-name NAME&quot; first.</source>
        <translation>数据文件中还没有顶级工会组织，请先运行“init --org-name NAME”。</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>--limit: give a whole number above 0.</source>
        <translation>--limit：请输入大于 0 的整数。</translation>
    </message>
    <message>
        <source>Print JSON (unmasked).</source>
        <translation>以 JSON 格式输出（不脱敏）。</translation>
    </message>
    <message>
        <source>Print at most N members.</source>
        <translation>最多输出 N 名会员。</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Name fragment, ID number (or its last digits), mobile or card number.</source>
        <translation>部分姓名、证件号码（或其末几位）、手机号码或会员卡号。</translation>
    </message>
    <message>
        <source>members find needs one QUERY.</source>
        <translation>members find 需要一个查询条件 QUERY。</translation>
    </message>
    <message>
        <source>Only this organisation and those under it (id or exact name).</source>
        <translation>仅限该工会组织及其下级组织（编号或完整名称）。</translation>
    </message>
    <message>
        <source>ORG</source>
        <translation>ORG</translation>
    </message>
    <message>
        <source>Only members with this status.</source>
        <translation>仅限该会籍状态的会员。</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>STATUS</translation>
    </message>
    <message>
        <source>--status: &quot;%1&quot; is not one of %2.</source>
        <translation>--status：“%1”不是以下值之一：%2。</translation>
    </message>
    <message>
        <source>Name.</source>
        <translation>姓名。</translation>
    </message>
    <message>
        <source>Mobile number.</source>
        <translation>手机号码。</translation>
    </message>
    <message>
        <source>Gender (male/female or 男/女).</source>
        <translation>性别（male/female 或 男/女）。</translation>
    </message>
    <message>
        <source>Ethnicity.</source>
        <translation>民族。</translation>
    </message>
    <message>
        <source>Birth date (YYYY-MM-DD).</source>
        <translation>出生日期（YYYY-MM-DD）。</translation>
    </message>
    <message>
        <source>Join date (YYYY-MM-DD).</source>
        <translation>入会日期（YYYY-MM-DD）。</translation>
    </message>
    <message>
        <source>Member card number.</source>
        <translation>会员卡号。</translation>
    </message>
    <message>
        <source>Employer.</source>
        <translation>工作单位。</translation>
    </message>
    <message>
        <source>Job.</source>
        <translation>岗位。</translation>
    </message>
    <message>
        <source>Employment form (employee, courier, food-delivery, …).</source>
        <translation>就业形态（employee、courier、food-delivery 等）。</translation>
    </message>
    <message>
        <source>Education.</source>
        <translation>学历。</translation>
    </message>
    <message>
        <source>Political status.</source>
        <translation>政治面貌。</translation>
    </message>
    <message>
        <source>Household registration (urban/rural).</source>
        <translation>户籍类型（urban/rural）。</translation>
    </message>
    <message>
        <source>Notes.</source>
        <translation>备注。</translation>
    </message>
    <message>
        <source>VALUE</source>
        <translation>VALUE</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>ID number.</source>
        <translation>证件号码。</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>ID document type (default: resident identity card).</source>
        <translation>证件类别（默认：居民身份证）。</translation>
    </message>
    <message>
        <source>TYPE</source>
        <translation>TYPE</translation>
    </message>
    <message>
        <source>Organisation (id or exact name; default: the root).</source>
        <translation>所属工会组织（编号或完整名称；默认：顶级工会组织）。</translation>
    </message>
    <message>
        <source>Membership status (default: active).</source>
        <translation>会籍状态（默认：在会）。</translation>
    </message>
    <message>
        <source>Print the new member as JSON.</source>
        <translation>以 JSON 格式输出新会员。</translation>
    </message>
    <message>
        <source>members add needs --name NAME and --id-number ID.</source>
        <translation>members add 需要 --name NAME 和 --id-number ID。</translation>
    </message>
    <message>
        <source>The member&apos;s ID number.</source>
        <translation>会员的证件号码。</translation>
    </message>
    <message>
        <source>New membership status.</source>
        <translation>新的会籍状态。</translation>
    </message>
    <message>
        <source>Reason for a status change.</source>
        <translation>会籍状态变更的原因。</translation>
    </message>
    <message>
        <source>TEXT</source>
        <translation>TEXT</translation>
    </message>
    <message>
        <source>members edit needs the member&apos;s ID number.</source>
        <translation>members edit 需要会员的证件号码。</translation>
    </message>
    <message>
        <source>No member has the ID number %1.</source>
        <translation>没有证件号码为 %1 的会员。</translation>
    </message>
    <message>
        <source>members needs a subcommand: add, find, list or edit.</source>
        <translation>members 需要子命令：add、find、list 或 edit。</translation>
    </message>
    <message>
        <source>Unknown members subcommand &quot;%1&quot;; use add, find, list or edit.</source>
        <translation>未知的 members 子命令“%1”，请使用 add、find、list 或 edit。</translation>
    </message>
    <message>
        <source>Name of the root organisation.</source>
        <translation>顶级工会组织的名称。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>LEVEL</source>
        <translation>LEVEL</translation>
    </message>
    <message>
        <source>init needs --org-name NAME.</source>
        <translation>init 需要 --org-name NAME。</translation>
    </message>
    <message>
        <source>--level: &quot;%1&quot; is not one of province, city, district, township, base.</source>
        <translation>--level：“%1”不是 province、city、district、township、base 之一。</translation>
    </message>
    <message>
        <source>Created %1 with root organisation %2 (%3).</source>
        <translation>已创建 %1，顶级工会组织为 %2（%3）。</translation>
    </message>
    <message>
        <source>How many members to generate.</source>
        <translation>要生成的会员人数。</translation>
    </message>
    <message>
        <source>Random seed, for the same data every time.</source>
        <translation>随机种子，用于每次生成相同的数据。</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>--members: give a whole number from 0 to 50000000.</source>
        <translation>--members：请输入 0 至 50000000 之间的整数。</translation>
    </message>
    <message>
        <source>--seed: give a whole number.</source>
        <translation>--seed：请输入整数。</translation>
    </message>
    <message>
        <source>Generated %1 members in %2 s.</source>
        <translation>已生成 %1 名会员，用时 %2 秒。</translation>
    </message>
    <message>
        <source>error: --db needs a FILE.</source>
        <translation>错误：--db 需要指定 FILE。</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;. Run uniondesk-cli --help.</source>
        <translation>未知命令“%1”。请运行 uniondesk-cli --help 查看帮助。</translation>
    </message>
    <message>
        <source>Level of the root organisation: province, city, district, township or base (default: read from the name, e.g. 市总工会 is a city; otherwise city).</source>
        <translation>顶级工会组织的层级：province、city、district、township 或 base（默认根据名称判断，如“市总工会”为 city；无法判断时为 city）。</translation>
    </message>
    <message>
        <source>The listing cannot be written to the audit log: %1</source>
        <translation>无法将本次输出的会员列表记入审计日志：%1</translation>
    </message>
    <message>
        <source>The file to write (.xlsx or .csv).</source>
        <translation>要写入的文件（.xlsx 或 .csv）。</translation>
    </message>
    <message>
        <source>Write ID numbers and mobiles in full (written to the audit log).</source>
        <translation>完整写出证件号码和手机号码（记入审计日志）。</translation>
    </message>
    <message>
        <source>Write an empty import template (.xlsx) instead.</source>
        <translation>改为写出空白导入模板（.xlsx）。</translation>
    </message>
    <message>
        <source>export needs one PATH.</source>
        <translation>export 需要一个 PATH。</translation>
    </message>
    <message>
        <source>Exported %1 members to %2.</source>
        <translation>已将 %1 名会员导出到 %2。</translation>
    </message>
    <message>
        <source>The roster file (.xlsx, .xls, .ods, .csv, .txt).</source>
        <translation>花名册文件（.xlsx、.xls、.ods、.csv、.txt）。</translation>
    </message>
    <message>
        <source>Organisation the members join (id or exact name; default: the root).</source>
        <translation>会员加入的工会组织（ID 或完整名称；默认为顶级组织）。</translation>
    </message>
    <message>
        <source>The sheet to read (default: the first with a recognisable header row).</source>
        <translation>要读取的工作表（默认为第一个有可识别表头行的工作表）。</translation>
    </message>
    <message>
        <source>Check every row and report; write nothing.</source>
        <translation>逐行检查并报告，不写入任何数据。</translation>
    </message>
    <message>
        <source>Print the result as one JSON object.</source>
        <translation>以一个 JSON 对象输出结果。</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>import needs one PATH.</source>
        <translation>import 需要一个 PATH。</translation>
    </message>
    <message>
        <source>Row %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>Row %1, column %2</source>
        <translation>第 %1 行“%2”列</translation>
    </message>
    <message>
        <source>rejected: %1: %2</source>
        <translation>未导入：%1：%2</translation>
    </message>
    <message>
        <source>warning: %1: %2</source>
        <translation>提醒：%1：%2</translation>
    </message>
    <message>
        <source>Dry run: %1 rows can be imported, %2 rows are rejected, %3 warnings; nothing was written.</source>
        <translation>试运行：可导入 %1 行，拒绝 %2 行，提醒 %3 条；未写入任何数据。</translation>
    </message>
    <message>
        <source>Imported %1 members; %2 rows rejected, %3 warnings.</source>
        <translation>已导入 %1 名会员；拒绝 %2 行，提醒 %3 条。</translation>
    </message>
    <message>
        <source>The person&apos;s name, when the person is no member.</source>
        <translation>本人姓名（本人不是会员时填写）。</translation>
    </message>
    <message>
        <source>The organisation (id or exact name).</source>
        <translation>工会组织（编号或完整名称）。</translation>
    </message>
    <message>
        <source>Position: chair, standing-vice-chair, vice-chair, committee-member, audit-chair, audit-member, women-chair or full-time-worker.</source>
        <translation>职务：chair、standing-vice-chair、vice-chair、committee-member、audit-chair、audit-member、women-chair 或 full-time-worker。</translation>
    </message>
    <message>
        <source>POSITION</source>
        <translation>POSITION</translation>
    </message>
    <message>
        <source>Start of the term (YYYY-MM-DD).</source>
        <translation>任期开始日期（YYYY-MM-DD）。</translation>
    </message>
    <message>
        <source>DATE</source>
        <translation>DATE</translation>
    </message>
    <message>
        <source>End of the term (YYYY-MM-DD).</source>
        <translation>任期届满日期（YYYY-MM-DD）。</translation>
    </message>
    <message>
        <source>The post is full-time.</source>
        <translation>该职务为专职。</translation>
    </message>
    <message>
        <source>How: elected, by-election or appointed.</source>
        <translation>产生方式：elected、by-election 或 appointed。</translation>
    </message>
    <message>
        <source>HOW</source>
        <translation>HOW</translation>
    </message>
    <message>
        <source>Print the new cadre as JSON.</source>
        <translation>以 JSON 格式输出新的工会干部记录。</translation>
    </message>
    <message>
        <source>cadres add needs --member ID_NUMBER, --org ORG, --position POSITION, --term-start DATE and --term-end DATE.</source>
        <translation>cadres add 需要 --member ID_NUMBER、--org ORG、--position POSITION、--term-start DATE 和 --term-end DATE。</translation>
    </message>
    <message>
        <source>Include terms that have ended.</source>
        <translation>包括已结束的任期。</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>以 JSON 格式输出。</translation>
    </message>
    <message>
        <source>cadres list needs --org ORG.</source>
        <translation>cadres list 需要 --org ORG。</translation>
    </message>
    <message>
        <source>Terms ending within N days from today.</source>
        <translation>自今天起 N 天内届满的任期。</translation>
    </message>
    <message>
        <source>Also terms that have run out but not been ended.</source>
        <translation>同时列出已届满但尚未换届的任期。</translation>
    </message>
    <message>
        <source>cadres expiring needs --days N (a whole number from 0 up).</source>
        <translation>cadres expiring 需要 --days N（不小于 0 的整数）。</translation>
    </message>
    <message>
        <source>The cadre&apos;s id.</source>
        <translation>工会干部记录的编号。</translation>
    </message>
    <message>
        <source>The day the term ends (default: today).</source>
        <translation>任期结束日期（默认：今天）。</translation>
    </message>
    <message>
        <source>cadres end needs one CADRE id.</source>
        <translation>cadres end 需要一个工会干部记录编号 CADRE。</translation>
    </message>
    <message>
        <source>--on: &quot;%1&quot; is not a date (YYYY-MM-DD).</source>
        <translation>--on：“%1”不是日期（YYYY-MM-DD）。</translation>
    </message>
    <message>
        <source>cadres needs a subcommand: add, list, expiring, flagged or end.</source>
        <translation>cadres 需要子命令：add、list、expiring、flagged 或 end。</translation>
    </message>
    <message>
        <source>Unknown cadres subcommand &quot;%1&quot;; use add, list, expiring, flagged or end.</source>
        <translation>未知的 cadres 子命令“%1”，请使用 add、list、expiring、flagged 或 end。</translation>
    </message>
    <message>
        <source>Name of the organisation.</source>
        <translation>工会组织名称。</translation>
    </message>
    <message>
        <source>Level: province, city, district, township or base.</source>
        <translation>层级：province、city、district、township 或 base。</translation>
    </message>
    <message>
        <source>Kind: enterprise, institution, joint, industry-federation, regional-federation, township-union, district-union, city-union or province-union.</source>
        <translation>类型：enterprise、institution、joint、industry-federation、regional-federation、township-union、district-union、city-union 或 province-union。</translation>
    </message>
    <message>
        <source>Unified social credit code.</source>
        <translation>统一社会信用代码。</translation>
    </message>
    <message>
        <source>Date founded (YYYY-MM-DD).</source>
        <translation>成立日期（YYYY-MM-DD）。</translation>
    </message>
    <message>
        <source>Address.</source>
        <translation>地址。</translation>
    </message>
    <message>
        <source>Contact person and telephone.</source>
        <translation>联系人及电话。</translation>
    </message>
    <message>
        <source>Industry.</source>
        <translation>所属行业。</translation>
    </message>
    <message>
        <source>Number of employees.</source>
        <translation>职工人数。</translation>
    </message>
    <message>
        <source>Legal-person registration certificate number.</source>
        <translation>工会法人资格证书编号。</translation>
    </message>
    <message>
        <source>Date of the legal-person registration (YYYY-MM-DD).</source>
        <translation>工会法人资格登记日期（YYYY-MM-DD）。</translation>
    </message>
    <message>
        <source>--headcount: give a whole number from 0 up.</source>
        <translation>--headcount：请输入不小于 0 的整数。</translation>
    </message>
    <message>
        <source>The organisation it goes under (id or exact name).</source>
        <translation>所属上级工会组织（编号或完整名称）。</translation>
    </message>
    <message>
        <source>Print the new organisation as JSON.</source>
        <translation>以 JSON 格式输出新的工会组织。</translation>
    </message>
    <message>
        <source>orgs add needs --name NAME, --parent ORG and --level LEVEL.</source>
        <translation>orgs add 需要 --name NAME、--parent ORG 和 --level LEVEL。</translation>
    </message>
    <message>
        <source>orgs show needs one ORG.</source>
        <translation>orgs show 需要一个工会组织 ORG。</translation>
    </message>
    <message>
        <source>Level: %1; kind: %2; status: %3</source>
        <translation>层级：%1；类型：%2；状态：%3</translation>
    </message>
    <message>
        <source>Members: %1 active of %2; verified %3%; new-employment forms %4; cadres %5</source>
        <translation>会员：在会 %1 人，共 %2 人；实名认证 %3%；新就业形态 %4 人；工会干部 %5 人</translation>
    </message>
    <message>
        <source>orgs request needs a kind: establish, change or dissolve.</source>
        <translation>orgs request 需要申请类型：establish、change 或 dissolve。</translation>
    </message>
    <message>
        <source>Why the request is made.</source>
        <translation>申请理由。</translation>
    </message>
    <message>
        <source>Print the request as JSON.</source>
        <translation>以 JSON 格式输出申请。</translation>
    </message>
    <message>
        <source>orgs request establish needs --name NAME, --parent ORG and --level LEVEL.</source>
        <translation>orgs request establish 需要 --name NAME、--parent ORG 和 --level LEVEL。</translation>
    </message>
    <message>
        <source>orgs request %1 needs one ORG.</source>
        <translation>orgs request %1 需要一个工会组织 ORG。</translation>
    </message>
    <message>
        <source>The request&apos;s id.</source>
        <translation>申请编号。</translation>
    </message>
    <message>
        <source>The reason for the decision.</source>
        <translation>审批意见。</translation>
    </message>
    <message>
        <source>orgs %1 needs one REQUEST id.</source>
        <translation>orgs %1 需要一个申请编号 REQUEST。</translation>
    </message>
    <message>
        <source>Only the requests about this organisation.</source>
        <translation>仅限关于该工会组织的申请。</translation>
    </message>
    <message>
        <source>Only requests in this state: submitted, approved, rejected or cancelled.</source>
        <translation>仅限处于该状态的申请：submitted、approved、rejected 或 cancelled。</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>STATE</translation>
    </message>
    <message>
        <source>--state: &quot;%1&quot; is not one of %2.</source>
        <translation>--state：“%1”不是以下值之一：%2。</translation>
    </message>
    <message>
        <source>Print the imports as a JSON array.</source>
        <translation>以 JSON 数组格式输出导入记录。</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n 名会员</numerusform>
        </translation>
    </message>
    <message>
        <source>undone</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>The import&apos;s id (see imports list).</source>
        <translation>导入批次编号（可用 imports list 查看）。</translation>
    </message>
    <message>
        <source>imports undo needs one BATCH id.</source>
        <translation>imports undo 需要一个导入批次编号 BATCH。</translation>
    </message>
    <message>
        <source>Undid the import: %1 members removed (%2 of them as deletions to sync).</source>
        <translation>已撤销导入：删除会员 %1 名（其中 %2 名将在同步时从服务器上删除）。</translation>
    </message>
    <message>
        <source>imports needs a subcommand: list or undo.</source>
        <translation>imports 需要子命令：list 或 undo。</translation>
    </message>
    <message>
        <source>Unknown imports subcommand &quot;%1&quot;; use list or undo.</source>
        <translation>未知的 imports 子命令“%1”，请使用 list 或 undo。</translation>
    </message>
    <message>
        <source>orgs needs a subcommand: add, list, show, request, requests, approve, reject, cancel, import or export.</source>
        <translation>orgs 需要子命令：add、list、show、request、requests、approve、reject、cancel、import 或 export。</translation>
    </message>
    <message>
        <source>Unknown orgs subcommand &quot;%1&quot;; use add, list, show, request, requests, approve, reject, cancel, import or export.</source>
        <translation>未知的 orgs 子命令“%1”，请使用 add、list、show、request、requests、approve、reject、cancel、import 或 export。</translation>
    </message>
    <message>
        <source>The list of organisations (.xlsx, .xls, .ods, .csv, .txt).</source>
        <translation>工会组织名单文件（.xlsx、.xls、.ods、.csv、.txt）。</translation>
    </message>
    <message>
        <source>Where rows without a parent go (id or exact name; default: the root).</source>
        <translation>未填写上级工会的行归入哪个工会组织（编号或完整名称；默认：顶级工会组织）。</translation>
    </message>
    <message>
        <source>orgs import needs one PATH.</source>
        <translation>orgs import 需要一个 PATH。</translation>
    </message>
    <message>
        <source>Only this organisation and the unions under it (id or exact name).</source>
        <translation>仅限该工会组织及其下级工会（编号或完整名称）。</translation>
    </message>
    <message>
        <source>orgs export needs one PATH.</source>
        <translation>orgs export 需要一个 PATH。</translation>
    </message>
    <message>
        <source>Dry run: organisations to add: %1; rows rejected: %2; nothing was written.</source>
        <translation>试运行：可添加工会组织 %1 个，拒绝 %2 行；未写入任何数据。</translation>
    </message>
    <message>
        <source>Organisations added: %1; rows rejected: %2.</source>
        <translation>已添加工会组织 %1 个；拒绝 %2 行。</translation>
    </message>
    <message>
        <source>Organisations written to %1: %2.</source>
        <translation>已导出到 %1：共 %2 个工会组织。</translation>
    </message>
    <message>
        <source>Cannot read the password file %1: %2</source>
        <translation>无法读取密码文件 %1：%2</translation>
    </message>
    <message>
        <source>The password file %1 is empty: its first line is the password.</source>
        <translation>密码文件 %1 是空的：文件的第一行应为密码。</translation>
    </message>
    <message>
        <source>signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <source>sending: %1 sent, %2 waiting</source>
        <translation>正在发送：已发送 %1 项，待发送 %2 项</translation>
    </message>
    <message>
        <source>waiting to try again: %1</source>
        <translation>等待重试：%1</translation>
    </message>
    <message>
        <source>(whole change)</source>
        <translation>（整项修改）</translation>
    </message>
    <message>
        <source>mine: %1</source>
        <translation>本机：%1</translation>
    </message>
    <message>
        <source>theirs: %1</source>
        <translation>服务器：%1</translation>
    </message>
    <message>
        <source>No sync conflicts.</source>
        <translation>没有同步冲突。</translation>
    </message>
    <message>
        <source>The conflict&apos;s id (see conflicts list).</source>
        <translation>冲突编号（可用 conflicts list 查看）。</translation>
    </message>
    <message>
        <source>mine (send the local value again) or theirs (take the server&apos;s value).</source>
        <translation>mine（重新发送本机的值）或 theirs（采用服务器的值）。</translation>
    </message>
    <message>
        <source>WHICH</source>
        <translation>WHICH</translation>
    </message>
    <message>
        <source>conflicts resolve needs the conflict&apos;s ID and --keep mine|theirs.</source>
        <translation>conflicts resolve 需要冲突编号 ID 和 --keep mine|theirs。</translation>
    </message>
    <message>
        <source>Kept the local value; it is sent with the next sync.</source>
        <translation>已保留本机的值，将在下次同步时发送。</translation>
    </message>
    <message>
        <source>Took the server&apos;s value.</source>
        <translation>已采用服务器的值。</translation>
    </message>
    <message>
        <source>The server&apos;s address (http://host:port).</source>
        <translation>服务器地址（http://host:port）。</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>The account&apos;s login.</source>
        <translation>账号的登录名。</translation>
    </message>
    <message>
        <source>LOGIN</source>
        <translation>LOGIN</translation>
    </message>
    <message>
        <source>A file whose first line is the password.</source>
        <translation>密码文件，其第一行为密码。</translation>
    </message>
    <message>
        <source>Further tries after a network or server failure (default 2).</source>
        <translation>网络或服务器出错后的重试次数（默认 2）。</translation>
    </message>
    <message>
        <source>Print the counts as JSON.</source>
        <translation>以 JSON 格式输出统计数字。</translation>
    </message>
    <message>
        <source>sync needs --server URL, --user LOGIN and --password-file FILE.</source>
        <translation>sync 需要 --server URL、--user LOGIN 和 --password-file FILE。</translation>
    </message>
    <message>
        <source>--retries: give a whole number from 0 to 20.</source>
        <translation>--retries：请输入 0 至 20 之间的整数。</translation>
    </message>
    <message>
        <source>conflicts needs a subcommand: list or resolve.</source>
        <translation>conflicts 需要子命令：list 或 resolve。</translation>
    </message>
    <message>
        <source>Unknown conflicts subcommand &quot;%1&quot;; use list or resolve.</source>
        <translation>未知的 conflicts 子命令“%1”，请使用 list 或 resolve。</translation>
    </message>
    <message>
        <source>--page-size: give a whole number from 1 to 5000.</source>
        <translation>--page-size：请输入 1 至 5000 之间的整数。</translation>
    </message>
    <message>
        <source>receiving: %1 so far</source>
        <translation>正在接收：已收到 %1 条</translation>
    </message>
    <message>
        <source>Synced with %1. Changes sent: %2; received: %3; new conflicts: %4.</source>
        <translation>已与 %1 同步。发送修改：%2 条；接收：%3 条；新冲突：%4 条。</translation>
    </message>
    <message>
        <source>Conflicts waiting for a decision: %1 (see uniondesk-cli conflicts list).</source>
        <translation>待处理的冲突：%1 条（请用 uniondesk-cli conflicts list 查看）。</translation>
    </message>
    <message>
        <source>Gave up the change the server refused (a record the server never had is removed from this file).</source>
        <translation>已放弃服务器拒绝的修改（服务器上从未有过的记录已从本数据文件中删除）。</translation>
    </message>
    <message>
        <source>%1 (pending until the next sync)</source>
        <translation>%1（待下次同步）</translation>
    </message>
    <message>
        <source>%1 → held by %2</source>
        <translation>%1 → 上挂至 %2</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>(pending until the next sync)</source>
        <translation>（待下次同步）</translation>
    </message>
    <message>
        <source>Why she leaves: left-job, retired, unemployed or other (or 离职, 退休, 失业, 其他 …; other words are kept as the note).</source>
        <translation>转出原因：left-job、retired、unemployed 或 other（也可写 离职、退休、失业、其他 等；其他文字记作备注）。</translation>
    </message>
    <message>
        <source>REASON</source>
        <translation>REASON</translation>
    </message>
    <message>
        <source>The union taking her in, by id or exact name (a union elsewhere on the server by its exact name); without it she is hung at the level above.</source>
        <translation>接收该会员的工会，填编号或完整名称（服务器上其他地方的工会须填完整名称）；不指定时上挂至上级工会。</translation>
    </message>
    <message>
        <source>A note on the transfer.</source>
        <translation>接转备注。</translation>
    </message>
    <message>
        <source>Keep the membership where it is (保留会籍) instead of moving it; only for retired or unemployed.</source>
        <translation>在原工会保留会籍，不转出；仅适用于退休或失业会员。</translation>
    </message>
    <message>
        <source>transfers out needs the member&apos;s ID_NUMBER.</source>
        <translation>transfers out 需要会员的证件号码 ID_NUMBER。</translation>
    </message>
    <message>
        <source>transfers out needs --reason REASON (left-job, retired, unemployed or other).</source>
        <translation>transfers out 需要 --reason REASON（left-job、retired、unemployed 或 other）。</translation>
    </message>
    <message>
        <source>--keep and --to exclude each other: a kept membership does not move.</source>
        <translation>--keep 与 --to 不能同时使用：保留会籍的会员不转出。</translation>
    </message>
    <message>
        <source>No member has the ID number %1 in this data file.</source>
        <translation>本数据文件中没有证件号码为 %1 的会员。</translation>
    </message>
    <message>
        <source>%1 keeps the membership where it is (保留会籍); status: %2.</source>
        <translation>%1 在原工会保留会籍；会籍状态：%2。</translation>
    </message>
    <message>
        <source>%1 moves from %2 to %3.</source>
        <translation>%1 从 %2 转至 %3。</translation>
    </message>
    <message>
        <source>%1 leaves %2 and is hung at the level above.</source>
        <translation>%1 从 %2 转出，上挂至上级工会。</translation>
    </message>
    <message>
        <source>%1 leaves %2 and is hung at %3.</source>
        <translation>%1 从 %2 转出，上挂至 %3。</translation>
    </message>
    <message>
        <source>The person&apos;s ID number.</source>
        <translation>该人员的证件号码。</translation>
    </message>
    <message>
        <source>The union taking her in, by id or exact name (default: the data file&apos;s own organisation).</source>
        <translation>接收该会员的工会，填编号或完整名称（默认为本数据文件所属的工会组织）。</translation>
    </message>
    <message>
        <source>A note on the request.</source>
        <translation>申请备注。</translation>
    </message>
    <message>
        <source>transfers request-in needs the person&apos;s ID_NUMBER.</source>
        <translation>transfers request-in 需要该人员的证件号码 ID_NUMBER。</translation>
    </message>
    <message>
        <source>%1 asks to take in the member with ID number %2.</source>
        <translation>%1 申请转入证件号码为 %2 的会员。</translation>
    </message>
    <message>
        <source>The transfer: its letter number, its 8-character code or its id.</source>
        <translation>接转记录：介绍信编号、8 位编码或记录编号。</translation>
    </message>
    <message>
        <source>transfers %1 needs one TRANSFER.</source>
        <translation>transfers %1 需要指定一条接转记录 TRANSFER。</translation>
    </message>
    <message>
        <source>approved: %1 moves to %2.</source>
        <translation>已批准：%1 转至 %2。</translation>
    </message>
    <message>
        <source>rejected: the membership of %1 stays with %2.</source>
        <translation>已驳回：%1 的会籍仍在 %2。</translation>
    </message>
    <message>
        <source>cancelled: %1 goes back to %2.</source>
        <translation>已撤销：%1 回到 %2。</translation>
    </message>
    <message>
        <source>cancelled: the request for %1 is withdrawn.</source>
        <translation>已撤销：转入 %1 的申请已撤回。</translation>
    </message>
    <message>
        <source>Only transfers in this state: hung, requested, completed, rejected, cancelled or expired.</source>
        <translation>仅限处于该状态的接转：hung、requested、completed、rejected、cancelled 或 expired。</translation>
    </message>
    <message>
        <source>Only members hung for at least N whole months.</source>
        <translation>仅限上挂满 N 个月的会员。</translation>
    </message>
    <message>
        <source>Only members held by this organisation or those under it (default: the whole data file).</source>
        <translation>仅限上挂在该工会组织及其下级的会员（默认为整个数据文件）。</translation>
    </message>
    <message>
        <source>--months: give a whole number from 0 up.</source>
        <translation>--months：请填写不小于 0 的整数。</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>转自 %1</translation>
    </message>
    <message numerus="yes">
        <source>since %1 (%n month(s))</source>
        <translation>
            <numerusform>%1 起（%n 个月）</numerusform>
        </translation>
    </message>
    <message>
        <source>pending</source>
        <translation>待同步</translation>
    </message>
    <message>
        <source>transfers show needs one TRANSFER.</source>
        <translation>transfers show 需要指定一条接转记录 TRANSFER。</translation>
    </message>
    <message>
        <source>Kind: %1; state: %2</source>
        <translation>类型：%1；状态：%2</translation>
    </message>
    <message>
        <source>Member: %1, ID number %2</source>
        <translation>会员：%1，证件号码 %2</translation>
    </message>
    <message>
        <source>From: %1; held by: %2; to: %3</source>
        <translation>转出工会：%1；会籍所在工会：%2；转入工会：%3</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>转出原因：%1</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>备注：%1</translation>
    </message>
    <message>
        <source>Requested: %1 by %2</source>
        <translation>发起：%1（经办人：%2）</translation>
    </message>
    <message>
        <source>Decided: %1 by %2</source>
        <translation>处理：%1（经办人：%2）</translation>
    </message>
    <message>
        <source>Reason for the decision: %1</source>
        <translation>处理意见：%1</translation>
    </message>
    <message>
        <source>Write the letter to this PDF file.</source>
        <translation>将介绍信写入此 PDF 文件。</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>PATH</translation>
    </message>
    <message>
        <source>Print the ID number in full (written to the audit log).</source>
        <translation>打印完整证件号码（记入审计日志）。</translation>
    </message>
    <message>
        <source>transfers letter needs one TRANSFER and --pdf PATH.</source>
        <translation>transfers letter 需要指定一条接转记录 TRANSFER 和 --pdf PATH。</translation>
    </message>
    <message>
        <source>The unmasked letter cannot be written to the audit log: %1</source>
        <translation>无法将未脱敏的介绍信记入审计日志：%1</translation>
    </message>
    <message>
        <source>Letter %1 written to %2.</source>
        <translation>介绍信 %1 已写入 %2。</translation>
    </message>
    <message>
        <source>Membership transfers (TRANSFER: the letter number, its 8-character code or the id):
  transfers out ID_NUMBER --reason REASON [--to ORG] [--note TEXT] [--keep] [--json]
                                           the member leaves: hung at the level above, or
                                           straight to ORG; --keep keeps the membership
                                           (retired or unemployed only)
  transfers request-in ID_NUMBER [--org ORG] [--note TEXT] [--json]
                                           ask to take in a member of another union
  transfers approve|reject TRANSFER [--reason TEXT] [--json]
  transfers cancel TRANSFER [--reason TEXT] [--json]
  transfers list [--state STATE] [--json]  every transfer, newest first
  transfers hung [--months N] [--org ORG] [--json]
                                           members hung here for N months or more
  transfers show TRANSFER [--json]
  transfers letter TRANSFER --pdf PATH [--unmasked]
                                           the transfer letter (介绍信) as a PDF
</source>
        <translation>会员接转（TRANSFER：介绍信编号、8 位编码或记录编号）：
  transfers out ID_NUMBER --reason REASON [--to ORG] [--note TEXT] [--keep] [--json]
                                           会员转出：上挂至上级工会，或直接转至 ORG；
                                           --keep 在原工会保留会籍（仅限退休或失业会员）
  transfers request-in ID_NUMBER [--org ORG] [--note TEXT] [--json]
                                           申请转入其他工会的会员
  transfers approve|reject TRANSFER [--reason TEXT] [--json]
  transfers cancel TRANSFER [--reason TEXT] [--json]
  transfers list [--state STATE] [--json]  全部接转记录（最新的在前）
  transfers hung [--months N] [--org ORG] [--json]
                                           上挂在此满 N 个月的会员
  transfers show TRANSFER [--json]
  transfers letter TRANSFER --pdf PATH [--unmasked]
                                           将介绍信生成为 PDF 文件
</translation>
    </message>
    <message>
        <source>transfers needs a subcommand: out, request-in, approve, reject, cancel, list, hung, show or letter.</source>
        <translation>transfers 需要子命令：out、request-in、approve、reject、cancel、list、hung、show 或 letter。</translation>
    </message>
    <message>
        <source>Unknown transfers subcommand &quot;%1&quot;; use out, request-in, approve, reject, cancel, list, hung, show or letter.</source>
        <translation>未知的 transfers 子命令“%1”，请使用 out、request-in、approve、reject、cancel、list、hung、show 或 letter。</translation>
    </message>
    <message>
        <source>Sync with the server:
  sync --server URL --user LOGIN --password-file FILE [--json] [--retries N]
       [--page-size N]                     send local changes, receive the server&apos;s (N
                                           changes a page, default 5000); a new FILE
                                           receives the account&apos;s organisation
  conflicts list [--json]                  changes the server did not take as they were
  conflicts resolve ID --keep mine|theirs
</source>
        <translation>与服务器同步：
  sync --server URL --user LOGIN --password-file FILE [--json] [--retries N]
       [--page-size N]                     发送本机的修改，接收服务器的修改（每批 N 项，
                                           默认 5000）；新的数据文件（--db FILE）将接收
                                           该账号所属工会组织的数据
  conflicts list [--json]                  服务器未按原样接受的修改
  conflicts resolve ID --keep mine|theirs
</translation>
    </message>
    <message>
        <source>Changes asked for in one page of a pull (default 5000).</source>
        <translation>接收服务器修改时每批请求的修改项数（默认 5000）。</translation>
    </message>
    <message>
        <source>Shows what this command takes.</source>
        <translation>显示本命令的用法和选项。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Read sheet &quot;%1&quot;; these sheets have a roster header too and were not read (choose one with --sheet): %2.</source>
        <translation>已读取工作表“%1”；以下工作表也有花名册表头，但未读取（可用 --sheet 指定）：%2。</translation>
    </message>
    <message>
        <source>The data file cannot be opened, or it has no root organisation yet.</source>
        <translation>无法打开数据文件，或其中还没有根组织。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>%1 is a file name, %2 why it cannot be imported</extracomment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Sheet &quot;%1&quot; has its header in row %2 but no member rows below it.</source>
        <translation>工作表“%1”的表头在第 %2 行，但下面没有会员行。</translation>
    </message>
    <message>
        <source>For a workbook with a password to open: the file whose first line is the password (- for stdin).</source>
        <translation>用于设有打开密码的工作簿：第一行为密码的文件（- 表示从标准输入读取）。</translation>
    </message>
    <message>
        <source>Give it with --password-file FILE, the first line of FILE being the password.</source>
        <translation>请用 --password-file FILE 提供密码，FILE 的第一行即为密码。</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <extracomment>Two sentences one after the other: %1 says the file needs a password, %2 how to give it</extracomment>
        <translation>%1%2</translation>
    </message>
    <message>
        <source>Organisations and cadres:
  orgs add --name NAME --parent ORG --level LEVEL [--kind KIND] [--credit-code CODE] [--json]
  orgs list [--under ORG] [--json]         the tree with active members of each subtree
  orgs show ORG [--json]                   details, counts, committee, requests, sub-unions
  orgs request establish --name NAME --parent ORG --level LEVEL [--reason TEXT] [--json]
  orgs request change ORG [--name …] [--credit-code …] … [--reason TEXT] [--json]
  orgs request dissolve ORG [--reason TEXT] [--json]
  orgs approve|reject REQUEST [--reason TEXT] [--json]
  orgs cancel REQUEST                      withdraw a request awaiting a decision
  orgs requests [--org ORG] [--state STATE] [--json]
  orgs import PATH [--parent ORG] [--sheet NAME] [--dry-run] [--json] [--password-file FILE]
                                           add the unions of a list (.xlsx, .xls, .ods, .csv)
  orgs export PATH [--under ORG]           the tree to .xlsx or .csv
  cadres add --member ID_NUMBER --org ORG --position POSITION --term-start DATE --term-end DATE
  cadres list --org ORG [--all] [--json]   the committee of an organisation
  cadres expiring --days N [--overdue] [--json]
  cadres flagged [--json]                  cadres whose member record has left or lapsed
  cadres end CADRE [--on DATE]
</source>
        <translation>工会组织和工会干部：
  orgs add --name NAME --parent ORG --level LEVEL [--kind KIND] [--credit-code CODE] [--json]
  orgs list [--under ORG] [--json]         组织树，含各组织（连同下级）的在会会员数
  orgs show ORG [--json]                   详情、统计、委员会、申请记录、下级工会
  orgs request establish --name NAME --parent ORG --level LEVEL [--reason TEXT] [--json]
  orgs request change ORG [--name …] [--credit-code …] … [--reason TEXT] [--json]
  orgs request dissolve ORG [--reason TEXT] [--json]
  orgs approve|reject REQUEST [--reason TEXT] [--json]
  orgs cancel REQUEST                      撤回待审批的申请
  orgs requests [--org ORG] [--state STATE] [--json]
  orgs import PATH [--parent ORG] [--sheet NAME] [--dry-run] [--json] [--password-file FILE]
                                           从名单文件（.xlsx、.xls、.ods、.csv）添加工会组织
  orgs export PATH [--under ORG]           将组织树导出为 .xlsx 或 .csv 文件
  cadres add --member ID_NUMBER --org ORG --position POSITION --term-start DATE --term-end DATE
  cadres list --org ORG [--all] [--json]   某工会组织的委员会
  cadres expiring --days N [--overdue] [--json]
  cadres flagged [--json]                  会员记录已转出或失效的工会干部
  cadres end CADRE [--on DATE]
</translation>
    </message>
    <message>
        <source>Also remove members changed since the import, with their changes.</source>
        <translation>导入后有改动的会员也一并删除，其改动随之删除。</translation>
    </message>
    <message>
        <source>%1 members of this import were changed after it (details, status, transfers or history), among them %2; undoing it would remove those changes too. Nothing was removed. Run it again with --include-changed to remove them with their changes.</source>
        <translation>这次导入的会员中有 %1 名在导入后有改动（信息、会籍状态、转移或记录），其中有 %2；撤销导入会连同这些改动一起删除。未删除任何数据。如确需连同改动一并删除，请加上 --include-changed 再运行一次。</translation>
    </message>
    <message>
        <source>Usage: uniondesk-cli [--db FILE] COMMAND [options]

Commands:
  init --org-name NAME [--level LEVEL]     create a data file with its root organisation
  demo --members N [--seed S]              fill it with generated organisations and members
  members add --name NAME --id-number ID [--mobile M] [--org ORG] [--json]
  members find QUERY [--json] [--limit N]  by name fragment, ID number, mobile or card number
  members list [--org ORG] [--status S] [--json] [--limit N]
  members edit ID_NUMBER [--name …] [--mobile …] [--status …] [--reason …]
  import PATH [--org ORG] [--sheet NAME] [--dry-run] [--json] [--problems FILE]
         [--password-file FILE]
                                           read members from .xlsx, .xls, .ods, .csv or .txt
  imports list [--json]                    the imports made, newest first
  imports undo BATCH [--include-changed] [--json]
                                           remove the members one import brought
  export PATH [--org ORG] [--unmasked]     write the roster to .xlsx or .csv (--template: an
                                           empty import template)

--db FILE defaults to the user&apos;s own data file (%1).
</source>
        <translation>用法：uniondesk-cli [--db FILE] COMMAND [options]

命令：
  init --org-name NAME [--level LEVEL]     创建数据文件及其顶级工会组织
  demo --members N [--seed S]              填入生成的工会组织和会员
  members add --name NAME --id-number ID [--mobile M] [--org ORG] [--json]
  members find QUERY [--json] [--limit N]  按部分姓名、证件号码、手机号码或会员卡号查找
  members list [--org ORG] [--status S] [--json] [--limit N]
  members edit ID_NUMBER [--name …] [--mobile …] [--status …] [--reason …]
  import PATH [--org ORG] [--sheet NAME] [--dry-run] [--json] [--problems FILE]
         [--password-file FILE]
                                           从 .xlsx、.xls、.ods、.csv 或 .txt 文件导入会员
  imports list [--json]                    历次导入记录（最新的在前）
  imports undo BATCH [--include-changed] [--json]
                                           删除某次导入所添加的会员
  export PATH [--org ORG] [--unmasked]     将花名册导出为 .xlsx 或 .csv 文件（--template：
                                           空白导入模板）

--db FILE 默认为当前用户自己的数据文件（%1）。
</translation>
    </message>
    <message>
        <source>Saved the changes to %1.</source>
        <translation>已保存对 %1 的修改。</translation>
    </message>
    <message>
        <source>Also save the problem list, as a workbook (.xlsx) or a .csv file.</source>
        <translation>同时保存问题清单，可为工作簿（.xlsx）或 .csv 文件。</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) refused</source>
        <translation>
            <numerusform>拒绝 %n 行</numerusform>
        </translation>
    </message>
    <message>
        <source>Column %1</source>
        <translation>“%1”列</translation>
    </message>
    <message>
        <source>Sheet &quot;%1&quot;: the name is split into the surname (column %2) and the given name (column %3). Put the whole name into one column headed 姓名 (for example with the formula =%2%4&amp;%3%4, filled down), then import the file again.</source>
        <translation>表“%1”中姓和名分在两列（姓在 %2 列，名在 %3 列）。请把完整姓名放在一列中，表头写“姓名”（例如输入公式 =%2%4&amp;%3%4 后向下填充），然后重新导入。</translation>
    </message>
    <message>
        <source>Sheet &quot;%1&quot; has no column for %2 in its header row (row %3). If the file has that column, give it its usual header (姓名, 身份证号码); if not, add the column. Then import the file again.</source>
        <extracomment>%2 lists fields such as &quot;Name, ID number&quot;</extracomment>
        <translation>表“%1”的表头（第 %3 行）中找不到%2列。如果文件中有这一列，请把它的表头改为常用写法（姓名、身份证号码）；如果没有，请先补上这一列，然后重新导入。</translation>
    </message>
    <message>
        <source>error: %1 (--help lists what the command takes)</source>
        <translation>错误：%1（用 --help 可查看该命令的用法）</translation>
    </message>
    <message>
        <source>No problems: the problem list %1 holds none.</source>
        <translation>没有需要处理的问题：问题清单 %1 中没有内容。</translation>
    </message>
    <message>
        <source>The problem list is in %1.</source>
        <translation>问题清单已保存到 %1。</translation>
    </message>
    <message>
        <source>Wrote the import template to %1.</source>
        <translation>已将导入模板保存到 %1。</translation>
    </message>
    <message>
        <source>Undid the import: %1 members removed.</source>
        <translation>已撤销导入：删除会员 %1 名。</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) hold members already in the roster (the same ID number and name): they are not imported again.</source>
        <translation>
            <numerusform>%n 行是花名册中已有的会员（证件号码和姓名相同），不会重复导入。</numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;%1&quot;</source>
        <translation>“%1”</translation>
    </message>
</context>
<context>
    <name>ud::server::AccountAdmin</name>
    <message>
        <source>Unknown organisation level &quot;%1&quot;; use one of %2.</source>
        <translation>未知的组织层级“%1”，请使用以下之一：%2。</translation>
    </message>
    <message>
        <source>The organisation needs a name.</source>
        <translation>工会组织必须有名称。</translation>
    </message>
    <message>
        <source>The server already has its root organisation &quot;%1&quot;.</source>
        <translation>服务器已有顶级工会组织“%1”。</translation>
    </message>
    <message>
        <source>The password must have at least %1 characters.</source>
        <translation>密码至少需要 %1 个字符。</translation>
    </message>
    <message>
        <source>No account &quot;%1&quot; on this server.</source>
        <translation>服务器上没有账号“%1”。</translation>
    </message>
    <message>
        <source>The login &quot;%1&quot; must be 1 to 64 characters without spaces.</source>
        <translation>登录名“%1”须为 1 至 64 个字符，且不能含空格。</translation>
    </message>
    <message>
        <source>Unknown role &quot;%1&quot;; use one of %2.</source>
        <translation>未知的角色“%1”，请使用以下之一：%2。</translation>
    </message>
    <message>
        <source>The login &quot;%1&quot; is already taken.</source>
        <translation>登录名“%1”已被占用。</translation>
    </message>
    <message>
        <source>Cannot read the password file %1: %2</source>
        <translation>无法读取密码文件 %1：%2</translation>
    </message>
</context>
<context>
    <name>ud::server::AdminCommands</name>
    <message>
        <source>error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>Unknown admin command &quot;%1&quot;.</source>
        <translation>未知的 admin 命令“%1”。</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation>多余的参数“%1”。</translation>
    </message>
    <message>
        <source>admin %1 needs --%2 %3.</source>
        <translation>admin %1 需要 --%2 %3。</translation>
    </message>
    <message>
        <source>Unknown role &quot;%1&quot;; use one of %2.</source>
        <translation>未知的角色“%1”，请使用以下之一：%2。</translation>
    </message>
    <message>
        <source>Cannot bring the database up to date: %1</source>
        <translation>无法升级数据库：%1</translation>
    </message>
    <message>
        <source>Cannot read the audit log: %1</source>
        <translation>无法读取审计日志：%1</translation>
    </message>
    <message>
        <source>The audit log is broken at entry %1: %2.</source>
        <translation>审计日志在第 %1 条处被破坏：%2。</translation>
    </message>
    <message>
        <source>ok %1 entries</source>
        <translation>正常，共 %1 条</translation>
    </message>
    <message>
        <source>Created the root organisation &quot;%1&quot; (%2).</source>
        <translation>已创建顶级工会组织“%1”（%2）。</translation>
    </message>
    <message>
        <source>Added the organisation &quot;%1&quot; (%2).</source>
        <translation>已添加工会组织“%1”（%2）。</translation>
    </message>
    <message>
        <source>Added the account &quot;%1&quot; (%2).</source>
        <translation>已添加账号“%1”（%2）。</translation>
    </message>
    <message>
        <source>Changed the password of &quot;%1&quot;.</source>
        <translation>已修改“%1”的密码。</translation>
    </message>
    <message numerus="yes">
        <source>Disabled &quot;%1&quot;; %n session(s) ended.</source>
        <translation>
            <numerusform>已停用“%1”，结束了 %n 个会话。</numerusform>
        </translation>
    </message>
    <message>
        <source>error: unknown command &quot;%1&quot;; see --help.</source>
        <translation>错误：未知的命令“%1”，请参阅 --help。</translation>
    </message>
    <message>
        <source>error: %1 needs a value.</source>
        <translation>错误：%1 需要一个值。</translation>
    </message>
    <message>
        <source>admin needs a command: init, add-org, add-user, reset-password, disable-user, verify-audit, expire-transfers or transfer-rule.</source>
        <translation>admin 需要一个命令：init、add-org、add-user、reset-password、disable-user、verify-audit、expire-transfers 或 transfer-rule。</translation>
    </message>
    <message>
        <source>--days must be a whole number of days, 1 or more, not &quot;%1&quot;.</source>
        <translation>--days 必须是不小于 1 的整数天数，而不是“%1”。</translation>
    </message>
    <message>
        <source>--auto-approve-hung takes yes or no, not &quot;%1&quot;.</source>
        <translation>--auto-approve-hung 只能为 yes 或 no，而不是“%1”。</translation>
    </message>
    <message numerus="yes">
        <source>%n transfer request(s) expired.</source>
        <translation>
            <numerusform>%n 项转入申请已作过期处理。</numerusform>
        </translation>
    </message>
    <message>
        <source>Requests for members hung at &quot;%1&quot; are now approved as they arrive.</source>
        <translation>上挂在“%1”的会员的转入申请，今后收到即自动批准。</translation>
    </message>
    <message>
        <source>Requests for members hung at &quot;%1&quot; now wait for a clerk&apos;s decision.</source>
        <translation>上挂在“%1”的会员的转入申请，今后须由经办人审批。</translation>
    </message>
    <message>
        <source>Usage: uniondesk-server [--database URL] [--listen HOST:PORT] [--tls-cert FILE --tls-key FILE] [--threads N] [serve]
       uniondesk-server [--database URL] admin COMMAND [options]

Without a command (or with serve) the server brings the database up to date and serves the HTTP API
until SIGTERM or SIGINT, after printing one line: listening on http[s]://HOST:PORT.
  --listen HOST:PORT    address and port (default 127.0.0.1:8470; PORT 0 picks a free one)
  --tls-cert FILE       PEM certificate (chain) for HTTPS, with --tls-key FILE (PEM key)
  --threads N           requests answered at once (default: the processor count, at least 2)

Commands:
  admin init --org-name NAME --level LEVEL           create the root organisation
  admin add-org --name NAME --parent ORG --level LEVEL
  admin add-user --login LOGIN --password-file FILE --org ORG --role administrator|clerk|viewer|auditor
  admin reset-password --login LOGIN --password-file FILE
  admin disable-user --login LOGIN                   also ends its sessions
  admin verify-audit                                 check the audit log&apos;s hash chain
  admin expire-transfers --days N                    requests open more than N days expire
  admin transfer-rule --org ORG --auto-approve-hung yes|no
                                                     approve requests for members hung at ORG
                                                     as they arrive, or not

ORG is an organisation&apos;s id or exact name. The password is the first line of FILE.
--database is sqlite:PATH or postgresql://USER@HOST:PORT/DB (default %1).
</source>
        <translation>用法：uniondesk-server [--database URL] [--listen HOST:PORT] [--tls-cert FILE --tls-key FILE] [--threads N] [serve]
      uniondesk-server [--database URL] admin COMMAND [选项]

不带命令（或使用 serve）时，服务器先将数据库升级到最新版本，然后提供 HTTP API 服务，
直到收到 SIGTERM 或 SIGINT 为止；启动后先输出一行：listening on http[s]://HOST:PORT。
  --listen HOST:PORT    监听地址和端口（默认 127.0.0.1:8470；PORT 为 0 时自动选择空闲端口）
  --tls-cert FILE       用于 HTTPS 的 PEM 证书（链），须同时指定 --tls-key FILE（PEM 私钥）
  --threads N           同时处理的请求数（默认为处理器数，至少 2）

命令：
  admin init --org-name NAME --level LEVEL           创建顶级工会组织
  admin add-org --name NAME --parent ORG --level LEVEL
  admin add-user --login LOGIN --password-file FILE --org ORG --role administrator|clerk|viewer|auditor
  admin reset-password --login LOGIN --password-file FILE
  admin disable-user --login LOGIN                   同时结束其所有会话
  admin verify-audit                                 检查审计日志的哈希链
  admin expire-transfers --days N                    超过 N 天未处理的转入申请作过期处理
  admin transfer-rule --org ORG --auto-approve-hung yes|no
                                                     上挂在 ORG 的会员的转入申请是否在收到时
                                                     自动批准

ORG 为工会组织的编号或完整名称。密码取 FILE 的第一行。
--database 为 sqlite:PATH 或 postgresql://USER@HOST:PORT/DB（默认 %1）。
</translation>
    </message>
</context>
<context>
    <name>ud::server::ApiHandlers</name>
    <message>
        <source>Malformed JSON: %1 at offset %2.</source>
        <translation>JSON 格式错误：%1（位置 %2）。</translation>
    </message>
    <message>
        <source>The body must be a JSON object.</source>
        <translation>请求体必须是 JSON 对象。</translation>
    </message>
    <message>
        <source>Internal server error.</source>
        <translation>服务器内部错误。</translation>
    </message>
    <message>
        <source>The database does not answer.</source>
        <translation>数据库无响应。</translation>
    </message>
    <message>
        <source>The body needs &quot;login&quot; and &quot;password&quot; as strings.</source>
        <translation>请求体须包含字符串类型的“login”和“password”。</translation>
    </message>
    <message>
        <source>Wrong login or password.</source>
        <translation>登录名或密码错误。</translation>
    </message>
    <message numerus="yes">
        <source>Too many failed logins; try again in %n second(s).</source>
        <translation>
            <numerusform>登录失败次数过多，请 %n 秒后再试。</numerusform>
        </translation>
    </message>
    <message>
        <source>The cursor must be a whole number.</source>
        <translation>cursor 必须是整数。</translation>
    </message>
    <message>
        <source>The limit must be a whole number.</source>
        <translation>limit 必须是整数。</translation>
    </message>
    <message>
        <source>The query needs idNumber.</source>
        <translation>查询须提供 idNumber。</translation>
    </message>
    <message>
        <source>No member with this ID number.</source>
        <translation>没有该证件号码的会员。</translation>
    </message>
</context>
<context>
    <name>ud::server::ApiServer</name>
    <message>
        <source>No such API call.</source>
        <translation>不存在该 API 接口。</translation>
    </message>
    <message>
        <source>This API call does not take this method.</source>
        <translation>该 API 接口不支持此请求方法。</translation>
    </message>
    <message>
        <source>The body is larger than %1 MB.</source>
        <translation>请求体超过 %1 MB。</translation>
    </message>
    <message>
        <source>A valid session token is needed.</source>
        <translation>需要有效的会话令牌。</translation>
    </message>
    <message>
        <source>This Qt has no TLS support.</source>
        <translation>当前使用的 Qt 不支持 TLS。</translation>
    </message>
    <message>
        <source>Cannot read the certificate %1: %2</source>
        <translation>无法读取证书 %1：%2</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate.</source>
        <translation>%1 中没有 PEM 证书。</translation>
    </message>
    <message>
        <source>Cannot read the private key %1: %2</source>
        <translation>无法读取私钥 %1：%2</translation>
    </message>
    <message>
        <source>%1 holds no unencrypted PEM private key (RSA, EC or DSA).</source>
        <translation>%1 中没有未加密的 PEM 私钥（RSA、EC 或 DSA）。</translation>
    </message>
    <message>
        <source>the server could not start</source>
        <translation>服务器无法启动</translation>
    </message>
</context>
<context>
    <name>ud::server::MemberLookup</name>
    <message>
        <source>This account may not look members up.</source>
        <translation>该账号无权查询会员。</translation>
    </message>
</context>
<context>
    <name>ud::server::OrganisationDirectory</name>
    <message>
        <source>%1 organisations are named &quot;%2&quot;; give the id instead.</source>
        <translation>有 %1 个工会组织名为“%2”，请改用编号。</translation>
    </message>
    <message>
        <source>No organisation &quot;%1&quot; on this server.</source>
        <translation>服务器上没有工会组织“%1”。</translation>
    </message>
</context>
<context>
    <name>ud::server::PasswordHasher</name>
    <message>
        <source>libsodium could not be initialised.</source>
        <translation>无法初始化 libsodium。</translation>
    </message>
    <message>
        <source>The password could not be hashed (out of memory).</source>
        <translation>无法生成密码哈希（内存不足）。</translation>
    </message>
</context>
<context>
    <name>ud::server::ServeCommand</name>
    <message>
        <source>error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>--listen needs HOST:PORT, not &quot;%1&quot;.</source>
        <translation>--listen 需要 HOST:PORT 格式，而不是“%1”。</translation>
    </message>
    <message>
        <source>--listen needs a port from 0 to 65535, not &quot;%1&quot;.</source>
        <translation>--listen 的端口须在 0 至 65535 之间，而不是“%1”。</translation>
    </message>
    <message>
        <source>--listen needs an IP address or localhost as HOST, not &quot;%1&quot;.</source>
        <translation>--listen 的 HOST 须为 IP 地址或 localhost，而不是“%1”。</translation>
    </message>
    <message>
        <source>--tls-cert and --tls-key go together.</source>
        <translation>--tls-cert 和 --tls-key 须同时使用。</translation>
    </message>
    <message>
        <source>Cannot bring the database up to date: %1</source>
        <translation>无法升级数据库：%1</translation>
    </message>
    <message>
        <source>Cannot listen on %1:%2: %3</source>
        <translation>无法在 %1:%2 上监听：%3</translation>
    </message>
    <message>
        <source>--threads needs a whole number from 1 to %1, not &quot;%2&quot;.</source>
        <translation>--threads 需要 1 至 %1 之间的整数，而不是“%2”。</translation>
    </message>
</context>
<context>
    <name>ud::server::ServerAudit</name>
    <message>
        <source>entry %1 is missing</source>
        <translation>缺少第 %1 条</translation>
    </message>
    <message>
        <source>it does not carry the hash of the entry before it</source>
        <translation>未包含前一条的哈希值</translation>
    </message>
    <message>
        <source>its content does not match its hash</source>
        <translation>内容与其哈希值不符</translation>
    </message>
</context>
<context>
    <name>ud::server::ServerDatabase</name>
    <message>
        <source>The database URL &quot;%1&quot; is neither sqlite:PATH nor postgresql://USER@HOST:PORT/DB.</source>
        <translation>数据库地址“%1”既不是 sqlite:PATH，也不是 postgresql://USER@HOST:PORT/DB。</translation>
    </message>
    <message>
        <source>The database URL &quot;%1&quot; names no file.</source>
        <translation>数据库地址“%1”未指定文件。</translation>
    </message>
    <message>
        <source>The Qt SQLite driver (QSQLITE) is not installed.</source>
        <translation>未安装 Qt 的 SQLite 驱动（QSQLITE）。</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>Cannot prepare %1: %2</source>
        <translation>无法初始化 %1：%2</translation>
    </message>
    <message>
        <source>The database URL &quot;%1&quot; is not of the form postgresql://USER@HOST:PORT/DB.</source>
        <translation>数据库地址“%1”的格式不是 postgresql://USER@HOST:PORT/DB。</translation>
    </message>
    <message>
        <source>The Qt PostgreSQL driver (QPSQL) is not installed.</source>
        <translation>未安装 Qt 的 PostgreSQL 驱动（QPSQL）。</translation>
    </message>
    <message>
        <source>Cannot connect to PostgreSQL at %1:%2, database %3: %4</source>
        <translation>无法连接 PostgreSQL（%1:%2，数据库 %3）：%4</translation>
    </message>
    <message>
        <source>Cannot prepare the PostgreSQL connection: %1</source>
        <translation>无法初始化 PostgreSQL 连接：%1</translation>
    </message>
</context>
<context>
    <name>ud::server::ServerMigrator</name>
    <message>
        <source>The database is at schema version %1, newer than this server (%2).</source>
        <translation>数据库的结构版本为 %1，比本服务器程序支持的版本（%2）新。</translation>
    </message>
</context>
<context>
    <name>ud::server::SessionService</name>
    <message>
        <source>libsodium could not be initialised.</source>
        <translation>无法初始化 libsodium。</translation>
    </message>
</context>
<context>
    <name>ud::server::SyncPushOperation</name>
    <message>
        <source>The operation is not a JSON object.</source>
        <translation>该操作不是 JSON 对象。</translation>
    </message>
    <message>
        <source>The operation has no opId.</source>
        <translation>该操作缺少 opId。</translation>
    </message>
    <message>
        <source>Unknown entity &quot;%1&quot;.</source>
        <translation>未知的数据类型“%1”。</translation>
    </message>
    <message>
        <source>The record id &quot;%1&quot; is not a UUID.</source>
        <translation>记录编号“%1”不是 UUID。</translation>
    </message>
    <message>
        <source>baseVersion must be a number of 0 or more.</source>
        <translation>baseVersion 必须是不小于 0 的数字。</translation>
    </message>
    <message>
        <source>fields must be a JSON object.</source>
        <translation>fields 必须是 JSON 对象。</translation>
    </message>
    <message>
        <source>delete must be true or false.</source>
        <translation>delete 必须为 true 或 false。</translation>
    </message>
    <message>
        <source>This account may read records but not change them.</source>
        <translation>该账号只能查看数据，不能修改。</translation>
    </message>
    <message>
        <source>There is no such record in your organisation.</source>
        <translation>您所管理的范围内没有该记录。</translation>
    </message>
    <message>
        <source>Unknown field &quot;%1&quot; of %2.</source>
        <translation>%2 没有字段“%1”。</translation>
    </message>
    <message>
        <source>The field &quot;%1&quot; of %2 has a value of the wrong type.</source>
        <translation>%2 的字段“%1”的值类型不正确。</translation>
    </message>
    <message>
        <source>A member with this ID number already belongs to %1. One person holds one membership: ask for a transfer of the member instead of adding them again.</source>
        <translation>该证件号码的会员已属于 %1。一人只能有一个会籍：请申请将该会员转入，不要重复添加。</translation>
    </message>
    <message>
        <source>A member with this ID number already belongs to another organisation on the server. One person holds one membership: ask for a transfer of the member instead of adding them again.</source>
        <translation>该证件号码的会员已属于服务器上的另一个工会组织。一人只能有一个会籍：请申请将该会员转入，不要重复添加。</translation>
    </message>
    <message>
        <source>The organisation already has a chair in office; end that term before recording another chair.</source>
        <translation>该工会已有在任主席，请先结束其任期，再录入新的主席。</translation>
    </message>
    <message>
        <source>There is no such organisation in your organisation&apos;s tree.</source>
        <translation>您所管理的组织树中没有该工会组织。</translation>
    </message>
    <message>
        <source>The field &quot;%1&quot; of %2 may not be empty.</source>
        <translation>%2 的字段“%1”不能为空。</translation>
    </message>
    <message>
        <source>A new organisation needs its parent organisation.</source>
        <translation>新的工会组织必须指定上级工会组织。</translation>
    </message>
    <message>
        <source>There is no such member in your organisation&apos;s tree.</source>
        <translation>您所管理的组织树中没有该会员。</translation>
    </message>
    <message>
        <source>This record has been deleted; the change was not applied.</source>
        <translation>该记录已被删除，本次修改未生效。</translation>
    </message>
    <message>
        <source>The field &quot;%1&quot; of %2 is set when the record is created and cannot change.</source>
        <translation>%2 的字段“%1”在创建记录时确定，之后不能修改。</translation>
    </message>
    <message>
        <source>Only an organisation above the one that submitted a request may approve or reject it.</source>
        <translation>只有提交申请的工会组织的上级工会才能批准或驳回该申请。</translation>
    </message>
</context>
<context>
    <name>ud::server::SyncService</name>
    <message>
        <source>The push names no clientId.</source>
        <translation>上传请求未提供 clientId。</translation>
    </message>
    <message>
        <source>The push has no operations array.</source>
        <translation>上传请求缺少 operations 数组。</translation>
    </message>
    <message>
        <source>The push has %1 operations; at most %2 are taken at once.</source>
        <translation>上传请求包含 %1 个操作，每次最多接受 %2 个。</translation>
    </message>
    <message>
        <source>The cursor %1 is negative.</source>
        <translation>cursor %1 为负数。</translation>
    </message>
</context>
<context>
    <name>ud::server::TransferAdmin</name>
    <message numerus="yes">
        <source>Nobody decided this request within %n day(s).</source>
        <translation>
            <numerusform>该申请在 %n 天内无人审批。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ud::server::TransferCreation</name>
    <message>
        <source>Unknown kind of transfer &quot;%1&quot;; use one of %2.</source>
        <translation>未知的接转类型“%1”，请使用以下之一：%2。</translation>
    </message>
    <message>
        <source>A new transfer of kind %1 starts as %2, not %3.</source>
        <translation>类型为 %1 的新接转应处于“%2”状态，而不是“%3”。</translation>
    </message>
    <message>
        <source>There is no such member in your organisation&apos;s tree.</source>
        <translation>您所管理的组织树中没有该会员。</translation>
    </message>
    <message>
        <source>The reason of a transfer out must be one of %1, not &quot;%2&quot;.</source>
        <translation>转出原因必须是 %1 之一，而不是“%2”。</translation>
    </message>
    <message>
        <source>The member already has an open transfer (%1 since %2); settle it first.</source>
        <translation>该会员已有一项未办结的接转（自 %2 起处于“%1”状态），请先办结。</translation>
    </message>
    <message>
        <source>Only an active or retained membership can be transferred; this member&apos;s status is &quot;%1&quot;.</source>
        <translation>只有在会或保留会籍的会员才能办理接转；该会员的会籍状态为“%1”。</translation>
    </message>
    <message>
        <source>%1 has no organisation above it to hold the member.</source>
        <translation>%1 没有上级工会组织，无法上挂该会员。</translation>
    </message>
    <message>
        <source>The member already belongs to %1.</source>
        <translation>该会员已属于 %1。</translation>
    </message>
    <message>
        <source>%1 is dissolved and takes no members.</source>
        <translation>%1 已注销，不能接收会员。</translation>
    </message>
    <message>
        <source>There is no such organisation in your organisation&apos;s tree.</source>
        <translation>您所管理的组织树中没有该工会组织。</translation>
    </message>
    <message>
        <source>No member on the server has this ID number: add the person as a new member instead.</source>
        <translation>服务器上没有该证件号码的会员：请改为新增会员。</translation>
    </message>
    <message>
        <source>This person is already a member of %1, inside your organisation: no transfer is needed.</source>
        <translation>此人已是您所管理范围内 %1 的会员，无需办理转入。</translation>
    </message>
    <message>
        <source>%1 asked for this member first, on %2; a member is transferred to the first union that asks. Ask again if that request is rejected.</source>
        <translation>%1 已于 %2 先行申请转入该会员；会员转入最先提出申请的工会。如该申请被驳回，可再次申请。</translation>
    </message>
</context>
<context>
    <name>ud::server::TransferDecision</name>
    <message>
        <source>The member of this transfer is no longer on the server.</source>
        <translation>服务器上已没有该接转所涉及的会员。</translation>
    </message>
    <message>
        <source>The member is no longer held by %1; the transfer cannot go ahead.</source>
        <translation>该会员的会籍已不在 %1，无法继续办理接转。</translation>
    </message>
    <message>
        <source>%1 no longer exists on the server; the member cannot move there.</source>
        <translation>服务器上已没有 %1，该会员无法转入。</translation>
    </message>
    <message>
        <source>%1 took the member in on %2.</source>
        <translation>%1 已于 %2 接收该会员。</translation>
    </message>
    <message>
        <source>%1 no longer exists on the server; the member cannot go back there.</source>
        <translation>服务器上已没有 %1，该会员无法转回。</translation>
    </message>
    <message>
        <source>The transfer out was cancelled: the member went back to %1.</source>
        <translation>转出已撤销：该会员已回到 %1。</translation>
    </message>
</context>
<context>
    <name>ud::server::TransferPush</name>
    <message>
        <source>A membership transfer is never deleted; cancel it instead.</source>
        <translation>会员接转记录不能删除，请改为撤销。</translation>
    </message>
    <message>
        <source>The reason, time and author of a transfer&apos;s decision are given with the decision itself (a change of its state), not on their own.</source>
        <translation>接转的处理意见、处理时间和处理人须随处理操作本身（即状态变更）一并提交，不能单独修改。</translation>
    </message>
</context>
<context>
    <name>ud::server::TransferRules</name>
    <message>
        <source>hung</source>
        <translation>上挂</translation>
    </message>
    <message>
        <source>requested</source>
        <translation>待审批</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>This transfer is already %1; it cannot change any more.</source>
        <translation>该接转已处于“%1”状态，不能再变更。</translation>
    </message>
    <message>
        <source>Only %1, which holds the member, or an organisation above it may approve or reject this request.</source>
        <translation>只有会员会籍所在的 %1 或其上级工会组织才能批准或驳回该申请。</translation>
    </message>
    <message>
        <source>Only the union that asked for the member or %1, which holds her, may cancel this request.</source>
        <translation>只有申请转入的工会或会员会籍所在的 %1 才能撤销该申请。</translation>
    </message>
    <message>
        <source>Only the union the member left or %1, which holds her, may cancel this transfer.</source>
        <translation>只有会员转出的工会或会员会籍所在的 %1 才能撤销该接转。</translation>
    </message>
    <message>
        <source>A hung member is taken in by a request from her new union, approved by %1; this transfer completes with it.</source>
        <translation>上挂会员须由新工会提出转入申请，经 %1 批准后转入，本接转随之办结。</translation>
    </message>
    <message>
        <source>Only the server marks a request as expired.</source>
        <translation>只有服务器才能将申请标记为已过期。</translation>
    </message>
    <message>
        <source>A transfer that is %1 cannot become %2.</source>
        <translation>处于“%1”状态的接转不能变为“%2”状态。</translation>
    </message>
</context>
<context>
    <name>ud::sync::ApiClient</name>
    <message>
        <source>the sign-in answer has no token or no organisation</source>
        <translation>登录响应中缺少令牌或工会组织</translation>
    </message>
    <message>
        <source>the push answer has no results</source>
        <translation>上传响应中缺少 results</translation>
    </message>
    <message>
        <source>Sync with %1 was cancelled.</source>
        <translation>与 %1 的同步已取消。</translation>
    </message>
    <message>
        <source>The server %1 did not answer within %2 seconds.</source>
        <translation>服务器 %1 在 %2 秒内没有响应。</translation>
    </message>
    <message>
        <source>Cannot reach the server %1: the connection was refused (is the server running and the address right?).</source>
        <translation>无法连接服务器 %1：连接被拒绝（请确认服务器正在运行，且地址正确）。</translation>
    </message>
    <message>
        <source>Cannot reach the server %1: the host name was not found.</source>
        <translation>无法连接服务器 %1：找不到该主机名。</translation>
    </message>
    <message>
        <source>The server %1 closed the connection before answering.</source>
        <translation>服务器 %1 在响应前关闭了连接。</translation>
    </message>
    <message>
        <source>The server %1 did not answer in time.</source>
        <translation>服务器 %1 未能及时响应。</translation>
    </message>
    <message>
        <source>Cannot reach the server %1: %2</source>
        <translation>无法连接服务器 %1：%2</translation>
    </message>
    <message>
        <source>The server %1 refused the sign-in: the user name or password is wrong.</source>
        <translation>服务器 %1 拒绝登录：登录名或密码错误。</translation>
    </message>
    <message>
        <source>The server %1 no longer accepts this session; sign in again.</source>
        <translation>服务器 %1 上的登录已失效，请重新登录。</translation>
    </message>
    <message>
        <source>The server %1 refuses further attempts for now (too many); try again in %2 seconds.</source>
        <translation>尝试次数过多，服务器 %1 暂时拒绝继续尝试，请 %2 秒后再试。</translation>
    </message>
    <message>
        <source>The server %1 failed with an internal error (HTTP %2).</source>
        <translation>服务器 %1 发生内部错误（HTTP %2）。</translation>
    </message>
    <message>
        <source>The server %1 refused the request (HTTP %2).</source>
        <translation>服务器 %1 拒绝了请求（HTTP %2）。</translation>
    </message>
    <message>
        <source>The server %1 refused the request (HTTP %2): %3</source>
        <translation>服务器 %1 拒绝了请求（HTTP %2）：%3</translation>
    </message>
    <message>
        <source>The server %1 sent an answer that is not understood (%2). Is this the UnionDesk server?</source>
        <translation>无法识别服务器 %1 返回的响应（%2）。请确认该地址是工会桌面通的服务器。</translation>
    </message>
    <message>
        <source>no pull was sent</source>
        <translation>尚未发送下载请求</translation>
    </message>
    <message>
        <source>the look-up answer names no member</source>
        <translation>查询响应中没有会员信息</translation>
    </message>
</context>
<context>
    <name>ud::sync::ConflictListModel</name>
    <message>
        <source>The whole change</source>
        <translation>整项修改</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Not accepted</source>
        <translation>未被接受</translation>
    </message>
    <message>
        <source>Changed on the server since this computer last synced</source>
        <translation>本机上次同步后，服务器上的数据已被修改</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>信息项</translation>
    </message>
    <message>
        <source>On this computer</source>
        <translation>本机的值</translation>
    </message>
    <message>
        <source>On the server</source>
        <translation>服务器上的值</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>发现时间</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message numerus="yes">
        <source>and %n more change(s) made with it</source>
        <translation>
            <numerusform>以及随之所做的另外 %n 项修改</numerusform>
        </translation>
    </message>
    <message>
        <source>Not on the server: taking its side removes this record here</source>
        <translation>服务器上没有该记录：采用服务器的值将删除本机的这条记录</translation>
    </message>
</context>
<context>
    <name>ud::sync::LocalCredential</name>
    <message>
        <source>The password cannot be kept on this computer: libsodium could not be initialised.</source>
        <translation>无法在本机保存密码：无法初始化 libsodium。</translation>
    </message>
    <message>
        <source>The password cannot be kept on this computer: not enough memory to hash it.</source>
        <translation>无法在本机保存密码：内存不足，无法生成密码哈希。</translation>
    </message>
</context>
<context>
    <name>ud::sync::LocalRecordStore</name>
    <message>
        <source>%1 %2: the field &quot;%3&quot; has a value of the wrong type.</source>
        <translation>%1 %2：字段“%3”的值类型不正确。</translation>
    </message>
    <message>
        <source>%1 %2 cannot be stored: %3</source>
        <translation>无法保存 %1 %2：%3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>ud::sync::PushResultRecorder</name>
    <message>
        <source>The record was changed on the server since it was read here.</source>
        <translation>本机读取该记录后，服务器上的该记录已被修改。</translation>
    </message>
    <message>
        <source>The server answered operation %1 with the unknown status &quot;%2&quot;.</source>
        <translation>服务器对操作 %1 返回了未知状态“%2”。</translation>
    </message>
</context>
<context>
    <name>ud::sync::RemoteChangeApplier</name>
    <message>
        <source>The server has another member (%1) with the ID number %2; this record was set aside.</source>
        <translation>服务器上另有一名会员（%1）使用证件号码 %2，本条记录已暂时搁置。</translation>
    </message>
</context>
<context>
    <name>ud::sync::StoreJoin</name>
    <message>
        <source>This data file has synced before or holds sample data; it cannot join another organisation.</source>
        <translation>本数据文件已同步过或含有示例数据，不能并入其他工会组织。</translation>
    </message>
    <message>
        <source>The server described the organisation %1 with the path &quot;%2&quot;, which is not a path of it; nothing was changed.</source>
        <translation>服务器给出的工会组织 %1 的路径“%2”不是该组织的路径，未作任何更改。</translation>
    </message>
    <message>
        <source>The root organisation %1 of this data file is missing.</source>
        <translation>本数据文件中缺少顶级工会组织 %1。</translation>
    </message>
    <message>
        <source>The organisation %1 on the server lies under this data file&apos;s own root organisation %2; nothing was changed.</source>
        <translation>服务器上的工会组织 %1 位于本数据文件自身的顶级工会组织 %2 之下，未作任何更改。</translation>
    </message>
    <message>
        <source>This data file already has an organisation %1; it cannot become its root.</source>
        <translation>本数据文件中已有工会组织 %1，该组织不能成为本数据文件的顶级工会组织。</translation>
    </message>
    <message numerus="yes">
        <source>%n organisation(s) of this data file lie outside its root organisation; nothing was changed.</source>
        <translation>
            <numerusform>本数据文件中有 %n 个工会组织不在其顶级工会组织之下，未作任何更改。</numerusform>
        </translation>
    </message>
    <message>
        <source>The member counts of the root organisation did not follow it (%1 left); nothing was changed.</source>
        <translation>顶级工会组织的会员人数统计未能随之迁移（遗留 %1），未作任何更改。</translation>
    </message>
</context>
<context>
    <name>ud::sync::SyncConflictRepository</name>
    <message>
        <source>There is no sync conflict %1.</source>
        <translation>不存在同步冲突 %1。</translation>
    </message>
    <message>
        <source>The sync conflict %1 was already settled on %2.</source>
        <translation>同步冲突 %1 已于 %2 处理。</translation>
    </message>
    <message>
        <source>The sync conflict %1 is about &quot;%2&quot;, which this version does not know.</source>
        <translation>同步冲突 %1 涉及“%2”类数据，本版本无法识别。</translation>
    </message>
    <message>
        <source>%1 %2 cannot be removed from this computer while other records refer to it (%3). Change or remove those first, or keep yours.</source>
        <translation>仍有其他记录引用%1 %2（%3），无法从本机删除。请先修改或删除这些记录，或保留本机的值。</translation>
    </message>
    <message>
        <source>The sync conflict %1 holds a change of &quot;%2&quot;, which this version does not know.</source>
        <translation>同步冲突 %1 包含对“%2”类数据的修改，本版本无法识别。</translation>
    </message>
    <message>
        <source>Member %1 cannot be sent again: the ID number %2 belongs to the member %3 here, and one person holds one membership. Take the server&apos;s member, or ask for a transfer.</source>
        <translation>会员 %1 无法重新发送：证件号码 %2 在本机属于会员 %3，而一人只能有一个会籍。请采用服务器上的会员，或申请转入。</translation>
    </message>
    <message>
        <source>; </source>
        <comment>between the records that refer to one</comment>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>ud::sync::SyncEntities</name>
    <message>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>工会组织</translation>
    </message>
    <message>
        <source>Member history</source>
        <translation>会员历史记录</translation>
    </message>
    <message>
        <source>Cadre</source>
        <translation>工会干部</translation>
    </message>
    <message>
        <source>Organisation request</source>
        <translation>工会组织申请</translation>
    </message>
    <message>
        <source>Membership transfer</source>
        <translation>会员接转</translation>
    </message>
</context>
<context>
    <name>ud::sync::SyncRunner</name>
    <message>
        <source>Sync was cancelled.</source>
        <translation>同步已取消。</translation>
    </message>
    <message>
        <source>The server %1 answered none of the %2 operations sent; they stay queued.</source>
        <translation>服务器 %1 未对已发送的 %2 项操作作出任何响应，这些修改仍在待同步队列中。</translation>
    </message>
    <message>
        <source>A page of changes from the server %1 could not be stored (nothing of it was kept): %2</source>
        <translation>无法保存从服务器 %1 接收的一批修改（该批修改均未保留）：%2</translation>
    </message>
    <message>
        <source>The server %1 promised more changes but sent none.</source>
        <translation>服务器 %1 表示还有更多修改，但未发送任何内容。</translation>
    </message>
    <message>
        <source>This data file holds generated sample data, which is never sent to a server. Sync into a new data file instead.</source>
        <translation>本数据文件含有生成的示例数据，这类数据不会发送到服务器。请改为同步到一个新的数据文件。</translation>
    </message>
    <message>
        <source>This data file was set up on this computer and has never synced. Joining it to the organisation of %1 sends its records to the server, which this account (%2) may not do: sign in as a clerk.</source>
        <translation>本数据文件是在本机创建的，从未同步过。将其并入账号 %1 所属的工会组织，会把其中的记录发送到服务器，而该账号（%2）无权这样做：请改用可修改数据的账号（clerk 角色）登录。</translation>
    </message>
    <message>
        <source>This data file was set up on this computer and has never synced. To join it to the organisation of %1, the server %2 must say where that organisation lies, which this server does not: update the server, or sync into a new data file.</source>
        <translation>本数据文件是在本机创建的，从未同步过。要将其并入账号 %1 所属的工会组织，服务器 %2 须告知该组织在组织树中的位置，但该服务器不提供此信息：请升级服务器，或改为同步到一个新的数据文件。</translation>
    </message>
    <message>
        <source>This data file could not join the organisation of %1 (nothing was changed): %2</source>
        <translation>本数据文件未能并入账号 %1 所属的工会组织（未作任何更改）：%2</translation>
    </message>
    <message>
        <source>This data file belongs to %1, but the account %2 works for %3. Sync with an account of the same organisation, or into a new data file.</source>
        <translation>此数据文件属于%1，但账号 %2 属于%3。请用同一工会组织的账号同步，或同步到一个新的数据文件。</translation>
    </message>
</context>
</TS>
